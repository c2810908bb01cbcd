namespace ConciergeBot.Language.Time;

/// <summary>
/// How precise a reading is. A clock time is a point with grain <see cref="Minute"/> ("jam 3 sore" is
/// 15:00 to the minute); <see cref="Hour"/> marks a window between clock times ("between 1 and 3");
/// <see cref="Day"/> a window of whole days (one day, a weekend, "5–7 Desember").
/// </summary>
public enum TimeGrain
{
    Minute,
    Hour,
    PartOfDay,
    Day,
    Week,
    Month,
}

/// <summary>
/// One resolved reading of a time expression. A point in time ("jam 3 sore") has
/// <see cref="End"/> equal to <see cref="Start"/>; a window ("besok sore", "Monday", "next week")
/// runs from <see cref="Start"/> to its real, exclusive <see cref="End"/>. Both carry the business's
/// UTC offset on that date.
/// </summary>
public sealed record TimeReading(DateTimeOffset Start, DateTimeOffset End, TimeGrain Grain)
{
    public bool IsWindow => End > Start;

    public static TimeReading Point(DateTimeOffset at, TimeGrain grain = TimeGrain.Minute) => new(at, at, grain);
}

/// <summary>
/// A time expression found in a message: where it is, its best reading, and the other readings when
/// it is genuinely ambiguous (e.g. "next Wednesday" said on a Monday), so a dialog can ask.
/// </summary>
public sealed record TimeMention(string Text, int Index, TimeReading Reading, IReadOnlyList<TimeReading> Alternatives);

/// <summary>
/// What resolution needs besides the text: the moment the customer wrote (the reference), the
/// business's time zone (every relative word is resolved on the business's calendar, never in UTC),
/// and the hours in which an ambiguous clock time ("at 4", "jam 4") is read.
/// </summary>
public sealed record TimeContext(DateTimeOffset Reference, TimeZoneInfo Zone, BusinessDay Hours)
{
    public TimeContext(DateTimeOffset reference, TimeZoneInfo zone)
        : this(reference, zone, BusinessDay.Default)
    {
    }

    /// <summary>The reference as a wall-clock time in the business's zone.</summary>
    public DateTime LocalNow => TimeZoneInfo.ConvertTime(Reference, Zone).DateTime;

    /// <summary>An instant as a wall-clock time in the business's zone.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The instant of a wall-clock time in the business's zone (a time skipped by a DST jump moves forward).</summary>
    public DateTimeOffset At(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}

/// <summary>The hours a business works on a normal day; a clock time that could be a.m. or p.m. takes the reading inside them.</summary>
public sealed record BusinessDay(TimeOnly Opens, TimeOnly Closes)
{
    public static BusinessDay Default { get; } = new(new TimeOnly(8, 0), new TimeOnly(18, 0));

    public bool Contains(TimeOnly time) => time >= Opens && time < Closes;
}

/// <summary>Finds and resolves time expressions in one language. Pure: no clock, no I/O.</summary>
public interface ITimeRecognizer
{
    /// <summary>"en" or "id".</summary>
    string Language { get; }

    IReadOnlyList<TimeMention> Recognize(string text, TimeContext context);
}
