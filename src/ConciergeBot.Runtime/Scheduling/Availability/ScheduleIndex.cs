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

        var busy = new List<BusyTime>[calendars.Count];
        for (var i = 0; i < busy.Length; i++)
        {
            busy[i] = [];
        }

        foreach (var b in snapshot.Busy)
        {
            if (order.TryGetValue(b.ResourceId, out var i))
            {
                busy[i].Add(b);
            }
        }

        Resources = new ResourceSchedule[calendars.Count];
        for (var i = 0; i < calendars.Count; i++)
        {
            var sorted = busy[i].ToArray();
            Array.Sort(sorted, static (a, b) => a.Start.UtcTicks.CompareTo(b.Start.UtcTicks));
            Resources[i] = new ResourceSchedule(calendars[i], sorted);
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
