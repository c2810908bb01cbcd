using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// What every search of one <see cref="ScheduleSnapshot"/> needs, worked out once and remembered with
/// the snapshot: busy times grouped by resource, sorted and merged; hours per weekday and per date;
/// the zone's offsets per local date. A snapshot is therefore a value: change a copy, not its lists.
/// </summary>
internal sealed class ScheduleIndex
{
    private static readonly ConditionalWeakTable<ScheduleSnapshot, ScheduleIndex> Indexes = new();

    private readonly Dictionary<DateOnly, WallInterval[]> _businessOverrides;
    private readonly ConcurrentDictionary<int, LocalDay> _days = new();

    private ScheduleIndex(ScheduleSnapshot snapshot)
    {
        Zone = snapshot.Zone;
        _businessOverrides = WorkingHours.ByDate(snapshot.BusinessOverrides);

        var order = new Dictionary<Guid, int>(snapshot.Resources.Count);
        var calendars = new List<ResourceCalendar>(snapshot.Resources.Count);
        foreach (var calendar in snapshot.Resources)
        {
            if (order.TryAdd(calendar.ResourceId, calendars.Count))
            {
                calendars.Add(calendar);
            }
        }

        // Two passes (count, then fill) so each resource's busy times land in one array of the right size.
        var owner = new int[snapshot.Busy.Count];
        var counts = new int[calendars.Count];
        for (var b = 0; b < owner.Length; b++)
        {
            owner[b] = order.TryGetValue(snapshot.Busy[b].ResourceId, out var i) ? i : -1;
            if (owner[b] >= 0)
            {
                counts[owner[b]]++;
            }
        }

        var busy = new BusyTime[calendars.Count][];
        var starts = new long[calendars.Count][];
        for (var i = 0; i < busy.Length; i++)
        {
            busy[i] = new BusyTime[counts[i]];
            starts[i] = new long[counts[i]];
            counts[i] = 0;
        }

        for (var b = 0; b < owner.Length; b++)
        {
            if (owner[b] is var i and >= 0)
            {
                var time = snapshot.Busy[b];
                starts[i][counts[i]] = time.Start.UtcTicks;
                busy[i][counts[i]++] = time;
            }
        }

        Resources = new ResourceSchedule[calendars.Count];
        for (var i = 0; i < calendars.Count; i++)
        {
            Array.Sort(starts[i], busy[i]);
            Resources[i] = new ResourceSchedule(calendars[i], busy[i]);
        }
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>In the snapshot's order, which breaks ties between resources free at the same time.</summary>
    public ResourceSchedule[] Resources { get; }

    public static ScheduleIndex Of(ScheduleSnapshot snapshot) =>
        Indexes.GetValue(snapshot, static s => new ScheduleIndex(s));

    public LocalDay Day(DateOnly date) =>
        _days.GetOrAdd(date.DayNumber, static (day, zone) => LocalDay.Of(zone, DateOnly.FromDayNumber(day)), Zone);

    /// <summary>The local date of an instant (UTC ticks).</summary>
    public DateOnly DateOf(long utc)
    {
        var offset = Zone.GetUtcOffset(new DateTime(utc, DateTimeKind.Utc)).Ticks;
        return DateOnly.FromDayNumber((int)((utc + offset) / TimeSpan.TicksPerDay));
    }

    public WallInterval[] HoursOn(ResourceSchedule resource, DateOnly date) => resource.HoursOn(date, _businessOverrides);
}
