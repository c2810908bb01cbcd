namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// How the wall-clock times of one local date become instants in the business's zone: one UTC offset,
/// or the one offset change (DST) that happens on or near that date.
/// <list type="bullet">
/// <item>A wall time skipped when the clocks go forward does not exist: <see cref="TryStart"/> refuses
/// it, and as an opening or closing time (<see cref="Bound"/>) it means the moment of the change.</item>
/// <item>A wall time that happens twice when the clocks go back means its second occurrence (after the
/// change, on standard time), as <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> and the language
/// layer's <c>TimeContext.At</c> read it, so a time the customer types is the time the finder offers.</item>
/// </list>
/// Zones that change their offset twice within about two days are not supported (none does today).
/// </summary>
internal readonly struct LocalDay
{
    // Offsets lie between -12:00 and +14:00, so these margins cover every instant of the local date.
    private static readonly long Margin = TimeSpan.FromHours(14).Ticks;

    private LocalDay(DateOnly date, long offsetBefore, long offsetAfter, long changeUtc)
    {
        Date = date;
        MidnightTicks = date.DayNumber * TimeSpan.TicksPerDay;
        OffsetBefore = offsetBefore;
        OffsetAfter = offsetAfter;
        ChangeUtc = changeUtc;
    }

    public DateOnly Date { get; }

    /// <summary>Local midnight at the start of the date, as wall-clock ticks.</summary>
    public long MidnightTicks { get; }

    public long OffsetBefore { get; }

    public long OffsetAfter { get; }

    /// <summary>The instant (UTC ticks) the offset changes; <see cref="long.MaxValue"/> on an ordinary day.</summary>
    public long ChangeUtc { get; }

    public bool IsUniform => ChangeUtc == long.MaxValue;

    public static LocalDay Of(TimeZoneInfo zone, DateOnly date)
    {
        var midnight = date.DayNumber * TimeSpan.TicksPerDay;
        var first = Math.Max(midnight - Margin, 0);
        var last = Math.Min(midnight + TimeSpan.TicksPerDay + Margin, DateTime.MaxValue.Ticks);
        var before = OffsetAt(zone, first);
        var after = OffsetAt(zone, last);
        if (before == after)
        {
            return new LocalDay(date, before, after, long.MaxValue);
        }

        // Offsets change on whole seconds: search the seconds for the first one on the new offset.
        var low = first / TimeSpan.TicksPerSecond;
        var high = last / TimeSpan.TicksPerSecond;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (OffsetAt(zone, middle * TimeSpan.TicksPerSecond) == before)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return new LocalDay(date, before, after, high * TimeSpan.TicksPerSecond);
    }

    /// <summary>The instant of a wall time of this date (ticks since its midnight), if that wall time exists.</summary>
    public bool TryStart(long wallTicks, out long utc, out long offset)
    {
        var wall = MidnightTicks + wallTicks;
        var onNewOffset = wall - OffsetAfter;
        if (onNewOffset >= ChangeUtc)
        {
            utc = onNewOffset;
            offset = OffsetAfter;
            return true;
        }

        var onOldOffset = wall - OffsetBefore;
        if (onOldOffset < ChangeUtc)
        {
            utc = onOldOffset;
            offset = OffsetBefore;
            return true;
        }

        utc = 0;
        offset = 0;
        return false;
    }

    /// <summary>The instant of an opening or closing time: one skipped by the clocks going forward is the moment of the change.</summary>
    public long Bound(long wallTicks) => TryStart(wallTicks, out var utc, out _) ? utc : ChangeUtc;

    /// <summary>The offset in force at an instant near this date.</summary>
    public long OffsetAt(long utc) => utc < ChangeUtc ? OffsetBefore : OffsetAfter;

    private static long OffsetAt(TimeZoneInfo zone, long utcTicks) =>
        zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
}
