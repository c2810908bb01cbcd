namespace ConciergeBot.Language.Time.Indonesian;

/// <summary>
/// Turns an expression into readings on the business's calendar: the best first, then the other
/// genuinely possible ones. Everything relative is counted from <see cref="TimeContext.LocalNow"/>, so
/// "besok" written at 23:30 in Jakarta is the next Jakarta day whatever the date in UTC.
/// </summary>
internal static class ExpressionResolver
{
    public static IReadOnlyList<TimeReading> Resolve(TimeExpression expression, TimeContext context)
    {
        if (expression.Ignored || (expression.Date is WeekdayDate { Weak: true } && expression.Part is null && expression.Clock is null))
        {
            return [];
        }

        var today = DateOnly.FromDateTime(context.LocalNow);
        switch (expression.Date)
        {
            case WeekWindow week:
                var monday = DayChoice.MondayOf(today).AddDays(7 * week.WeeksAhead);
                return [Window(monday, monday.AddDays(7), TimeGrain.Week, context)];
            case MonthWindow month:
                var first = new DateOnly(today.Year, today.Month, 1).AddMonths(month.MonthsAhead);
                return [Window(first, first.AddMonths(1), TimeGrain.Month, context)];
            case NamedMonth named:
                var year = named.Year ?? (named.Month >= today.Month ? today.Year : today.Year + 1);
                var start = new DateOnly(year, named.Month, 1);
                return [Window(start, start.AddMonths(1), TimeGrain.Month, context)];
            case FromNow fromNow:
                var at = TimeZoneInfo.ConvertTime(context.Reference + fromNow.After, context.Zone);
                return [TimeReading.Point(at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMinute)))];
        }

        DayChoice? days = null;
        if (expression.Date is { } date && (days = DayChoice.Resolve(date, today)) is null)
        {
            return [];
        }

        if (expression.Clock is { } clock)
        {
            var choice = ClockChoice.Of(clock, expression.Part is { } part ? ClockChoice.HintOf(part.Part) : null);
            return days is null ? ClockAlone(choice, today, context) : ClockOnDays(choice, days, context);
        }

        if (expression.Part is { } dayPart)
        {
            return PartOfDay(dayPart, days, today, context);
        }

        if (days is null)
        {
            return [];
        }

        return days.Other is { } other
            ? [Window(days.Day, days.Day.AddDays(1), TimeGrain.Day, context), Window(other, other.AddDays(1), TimeGrain.Day, context)]
            : [Window(days.Day, days.Day.AddDays(days.Length), TimeGrain.Day, context)];
    }

    private static List<TimeReading> ClockOnDays(ClockChoice clock, DayChoice days, TimeContext context)
    {
        var readings = OnDay(clock, days.Day, context);
        if (days.Other is not { } other)
        {
            return readings;
        }

        // "Senin jam 10" said on a Monday at 11:00: today's 10:00 is gone, so it is next Monday.
        if (days.TodayByWeekday && readings[0].Start < context.Reference)
        {
            return OnDay(clock, other, context);
        }

        readings.Insert(1, OnDay(clock, other, context)[0]);
        return readings;
    }

    /// <summary>On a known day; an ambiguous hour takes the reading inside business hours, else the next not past.</summary>
    private static List<TimeReading> OnDay(ClockChoice clock, DateOnly day, TimeContext context)
    {
        if (clock.Fixed is { } minutes)
        {
            return [Point(day, minutes, clock, context)];
        }

        if (InsideHoursOnlyOnce(clock, context, out var inside))
        {
            return [Point(day, inside, clock, context)];
        }

        var morning = Point(day, clock.HalfDay, clock, context);
        var afternoon = Point(day, clock.HalfDay + 720, clock, context);
        return morning.Start >= context.Reference || afternoon.Start < context.Reference ? [morning, afternoon] : [afternoon, morning];
    }

    /// <summary>No day said: today if still to come, else tomorrow.</summary>
    private static List<TimeReading> ClockAlone(ClockChoice clock, DateOnly today, TimeContext context)
    {
        if (clock.Fixed is { } minutes)
        {
            return [Upcoming(today, minutes, clock, context)];
        }

        if (InsideHoursOnlyOnce(clock, context, out var inside))
        {
            return [Upcoming(today, inside, clock, context)];
        }

        var morning = Upcoming(today, clock.HalfDay, clock, context);
        var afternoon = Upcoming(today, clock.HalfDay + 720, clock, context);
        return morning.Start <= afternoon.Start ? [morning, afternoon] : [afternoon, morning];
    }

    private static bool InsideHoursOnlyOnce(ClockChoice clock, TimeContext context, out int inside)
    {
        var morning = context.Hours.Contains(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(clock.HalfDay)));
        var afternoon = context.Hours.Contains(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(clock.HalfDay + 720)));
        inside = morning ? clock.HalfDay : clock.HalfDay + 720;
        return morning != afternoon;
    }

    private static TimeReading Upcoming(DateOnly today, int minutes, ClockChoice clock, TimeContext context)
    {
        var point = Point(today, minutes, clock, context);
        return point.Start >= context.Reference ? point : Point(today.AddDays(1), minutes, clock, context);
    }

    private static TimeReading Point(DateOnly day, int minutes, ClockChoice clock, TimeContext context)
    {
        var dayOffset = (int)Math.Floor(minutes / 1440.0);
        var local = day.AddDays(dayOffset).ToDateTime(TimeOnly.MinValue).AddMinutes(minutes - (dayOffset * 1440));
        if (clock.StatedOffset is { } offset)
        {
            // "jam 10 WIB" to a business in Makassar is 11:00 there.
            var stated = TimeZoneInfo.ConvertTime(new DateTimeOffset(local, offset), context.Zone);
            return new TimeReading(stated, stated.AddMinutes(clock.Length ?? 0), clock.Grain);
        }

        var end = clock.Length is { } length ? context.At(local.AddMinutes(length)) : context.At(local);
        return new TimeReading(context.At(local), end, clock.Grain);
    }

    private static List<TimeReading> PartOfDay(DayPartSpec part, DayChoice? days, DateOnly today, TimeContext context)
    {
        var window = WindowOf(part.Part);
        if (days is null)
        {
            var todays = PartsOfDay.Window(today, window, context);
            return [part.Today || todays.End > context.Reference ? todays : PartsOfDay.Window(today.AddDays(1), window, context)];
        }

        var first = PartsOfDay.Window(days.Day, window, context);
        if (days.Other is not { } other)
        {
            return [first];
        }

        var second = PartsOfDay.Window(other, window, context);
        return days.TodayByWeekday && first.End <= context.Reference ? [second] : [first, second];
    }

    private static (TimeOnly Start, TimeOnly End) WindowOf(DayPart part) => part switch
    {
        DayPart.Pagi => PartsOfDay.Morning,
        DayPart.Siang => PartsOfDay.Midday,
        DayPart.Sore => PartsOfDay.LateAfternoon,
        DayPart.Malam => PartsOfDay.Evening,
        _ => PartsOfDay.EnglishAfternoon,
    };

    private static TimeReading Window(DateOnly from, DateOnly to, TimeGrain grain, TimeContext context) =>
        new(context.At(from.ToDateTime(TimeOnly.MinValue)), context.At(to.ToDateTime(TimeOnly.MinValue)), grain);
}
