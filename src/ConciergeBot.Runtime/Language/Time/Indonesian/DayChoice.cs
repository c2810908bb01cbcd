namespace ConciergeBot.Language.Time.Indonesian;

/// <summary>
/// The day an expression names: the best reading, another when it is genuinely ambiguous ("Rabu depan"
/// on a Monday), and whether the best one is today only because the weekday is today's ("Senin" said on
/// a Monday), so a time already past today moves it to next week.
/// </summary>
internal sealed record DayChoice(DateOnly Day, DateOnly? Other, bool TodayByWeekday)
{
    /// <summary>Days covered: more than one for "tgl 5-7 Desember".</summary>
    public int Length { get; init; } = 1;

    public static DayChoice? Resolve(DateSpec spec, DateOnly today) => spec switch
    {
        RelativeDays relative => new DayChoice(today.AddDays(relative.Days), null, false),
        RelativeMonths months => new DayChoice(today.AddMonths(months.Months), null, false),
        WeekdayDate weekday => OfWeekday(weekday, today),
        Weekend weekend => new DayChoice(MondayOf(today).AddDays(5 + (7 * weekend.WeeksAhead)), null, false) { Length = 2 },
        CalendarDate date => OfCalendar(date, today) is { } day ? new DayChoice(day, null, false) { Length = LengthOf(date, day) } : null,
        _ => null,
    };

    private static int LengthOf(CalendarDate date, DateOnly first) =>
        date.ThroughDay is { } through ? Math.Min(through, DateTime.DaysInMonth(first.Year, first.Month)) - first.Day + 1 : 1;

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DayChoice OfWeekday(WeekdayDate weekday, DateOnly today)
    {
        var daysAhead = ((int)weekday.Day - (int)today.DayOfWeek + 7) % 7;
        var inThisWeek = MondayOf(today).AddDays(((int)weekday.Day + 6) % 7);
        var inNextWeek = inThisWeek.AddDays(7);
        switch (weekday.Mode)
        {
            case WeekdayMode.Bare when daysAhead == 0:
                return new DayChoice(today, today.AddDays(7), true);
            case WeekdayMode.Next:
                // "Rabu depan" on a Monday: this coming Wednesday, or the one in next week? On a Friday
                // the coming Wednesday is already in next week, and nothing is ambiguous.
                var coming = today.AddDays(daysAhead == 0 ? 7 : daysAhead);
                return coming == inNextWeek ? new DayChoice(coming, null, false) : new DayChoice(coming, inNextWeek, false);
            case WeekdayMode.InNextWeek:
                return new DayChoice(inNextWeek, null, false);
            case WeekdayMode.InThisWeek:
                return new DayChoice(inThisWeek, null, false);
            default:
                return new DayChoice(today.AddDays(daysAhead), null, false);
        }
    }

    /// <summary>A date without a year is the next one that is not past; without a month, this month's or the next.</summary>
    private static DateOnly? OfCalendar(CalendarDate date, DateOnly today)
    {
        if (date.Year is { } year)
        {
            return date.Month is { } month && IsValid(year, month, date.Day) ? new DateOnly(year, month, date.Day) : null;
        }

        if (date.Month is { } named)
        {
            // Eight years reach the next 29 February.
            for (var y = today.Year; y <= today.Year + 8; y++)
            {
                if (IsValid(y, named, date.Day) && new DateOnly(y, named, date.Day) >= today)
                {
                    return new DateOnly(y, named, date.Day);
                }
            }

            return null;
        }

        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        if (date.MonthsAhead is { } ahead)
        {
            var month = firstOfMonth.AddMonths(ahead);
            return IsValid(month.Year, month.Month, date.Day) ? new DateOnly(month.Year, month.Month, date.Day) : null;
        }

        for (var k = 0; k < 12; k++)
        {
            var month = firstOfMonth.AddMonths(k);
            if (IsValid(month.Year, month.Month, date.Day) && new DateOnly(month.Year, month.Month, date.Day) >= today)
            {
                return new DateOnly(month.Year, month.Month, date.Day);
            }
        }

        return null;
    }

    private static bool IsValid(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
