using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// Schedule snapshots for the bot's searches and checks: the calendar from the <see cref="ScheduleCalendarCache"/>
/// (one revision read when nothing changed), busy time read fresh with plain SQL. A snapshot holds what
/// <see cref="ScheduleReader"/> would read for the same period, which stays the reference for it.
/// </summary>
public sealed class ScheduleSource(DatabaseConnections connections, ScheduleCalendarCache calendars)
{
    /// <summary>The schedule of every active resource from <paramref name="from"/> to <paramref name="to"/>, on a read connection.</summary>
    public async Task<(ScheduleSnapshot Schedule, ScheduleCalendar Calendar)> LoadAsync(
        Guid businessId, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var read = await connections.OpenAsync(cancellationToken);
        var calendar = await calendars.GetAsync(read, businessId, cancellationToken);
        var period = SchedulePeriod.Of(zone, from, to);
        var busy = BusyTimeReader.Read(read, calendar, period, now);
        return (Snapshot(calendar, zone, period, calendar.Resources, busy), calendar);
    }

    /// <summary>The calendar as the single writer's transaction sees it.</summary>
    public ScheduleCalendar CalendarOnWriter(SqliteConnection connection, SqliteTransaction transaction, Guid businessId) =>
        calendars.OnWriter(connection, transaction, businessId);

    /// <summary>
    /// The schedule of <paramref name="slot"/>'s resource around it, as the single writer's transaction sees
    /// it: enough to tell whether that slot is still free, which is all the writer asks (an inactive or
    /// unknown resource is simply absent, so nothing is free on it).
    /// </summary>
    public static ScheduleSnapshot SlotOnWriter(
        SqliteConnection connection, SqliteTransaction transaction, ScheduleCalendar calendar, TimeZoneInfo zone, Slot slot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(slot);
        var period = SchedulePeriod.Of(zone, slot.Start, slot.End);
        if (calendar.Resource(slot.ResourceId) is not { } resource)
        {
            return Snapshot(calendar, zone, period, [], []);
        }

        var busy = BusyTimeReader.ReadOfResource(connection, transaction, calendar, resource.Id, period, now);
        return Snapshot(calendar, zone, period, [resource], busy);
    }

    private static ScheduleSnapshot Snapshot(
        ScheduleCalendar calendar, TimeZoneInfo zone, SchedulePeriod period, IReadOnlyList<CalendarResource> resources, List<BusyTime> busy)
    {
        var overrides = calendar.Overrides.Where(o => period.Contains(o.Date)).ToArray();
        var resourceCalendars = new ResourceCalendar[resources.Count];
        for (var i = 0; i < resources.Count; i++)
        {
            var r = resources[i];
            resourceCalendars[i] = new ResourceCalendar(r.Id, r.ServiceIds, r.Hours, r.Breaks, overrides.Where(o => o.ResourceId == r.Id).ToArray());
        }

        return new ScheduleSnapshot(zone, resourceCalendars, overrides.Where(o => o.ResourceId is null).ToArray(), busy.ToArray());
    }
}
