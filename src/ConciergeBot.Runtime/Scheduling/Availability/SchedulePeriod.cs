namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// What a schedule read covers for a search from <c>from</c> to <c>to</c>: the UTC span widened by a day
/// on each side, so the local days and buffers at its edges are complete, and the local dates of that
/// span (for date overrides). Shared by every reader so they all see the same period.
/// </summary>
internal readonly record struct SchedulePeriod(DateTime Start, DateTime End, DateOnly FirstDate, DateOnly LastDate)
{
    public static SchedulePeriod Of(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = from.UtcDateTime.AddDays(-1);
        var end = to.UtcDateTime.AddDays(1);
        return new SchedulePeriod(
            start,
            end,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(start, zone)),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(end, zone)));
    }

    public bool Contains(DateOnly date) => date >= FirstDate && date <= LastDate;
}
