using System.Globalization;
using ConciergeBot.Scheduling;
using ConciergeBot.Scheduling.Availability;

namespace ConciergeBot.Tests.Scheduling.Availability;

/// <summary>
/// Builds a <see cref="ScheduleSnapshot"/> in memory from short strings: hours as "09:00-12:00,13:00-17:00",
/// times as local wall times "2026-12-01 10:00" in the builder's zone (or ISO with an offset).
/// </summary>
internal sealed class ScheduleBuilder(TimeZoneInfo zone)
{
    public static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static readonly Guid Haircut = new("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid Colouring = new("00000000-0000-0000-0000-0000000000a2");

    /// <summary>Three resources, in this order in the snapshot.</summary>
    public static readonly Guid Ani = new("00000000-0000-0000-0000-000000000001");
    public static readonly Guid Budi = new("00000000-0000-0000-0000-000000000002");
    public static readonly Guid Citra = new("00000000-0000-0000-0000-000000000003");

    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    private readonly List<ResourceCalendar> _resources = [];
    private readonly List<ScheduleOverride> _overrides = [];
    private readonly List<BusyTime> _busy = [];

    public TimeZoneInfo Zone => zone;

    public static ServiceTiming Service(int minutes, int before = 0, int after = 0, Guid? id = null) =>
        new(id ?? Haircut, TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(before), TimeSpan.FromMinutes(after));

    public ScheduleBuilder Resource(Guid id, string hours = "09:00-17:00", DayOfWeek[]? days = null, string? breaks = null, DayOfWeek? breakDay = null, Guid[]? services = null)
    {
        var weekly = (from day in days ?? EveryDay
                      from interval in Intervals(hours)
                      select new WeeklyHours { ResourceId = id, Day = day, Opens = interval.Opens, Closes = interval.Closes }).ToList();
        var pauses = (from interval in Intervals(breaks)
                      select new WeeklyBreak { ResourceId = id, Day = breakDay, Start = interval.Opens, End = interval.Closes }).ToList();
        _resources.Add(new ResourceCalendar(id, (services ?? [Haircut]).ToHashSet(), weekly, pauses, []));
        return this;
    }

    /// <summary>An override row for a date: <paramref name="hours"/> null means closed.</summary>
    public ScheduleBuilder Override(string date, string? hours, Guid? resource = null)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = hours is null
            ? [new ScheduleOverride { ResourceId = resource, Date = day, Reason = "closed" }]
            : Intervals(hours).Select(i => new ScheduleOverride { ResourceId = resource, Date = day, Opens = i.Opens, Closes = i.Closes }).ToList();
        if (resource is null)
        {
            _overrides.AddRange(rows);
            return this;
        }

        var index = _resources.FindIndex(r => r.ResourceId == resource);
        _resources[index] = _resources[index] with { Overrides = [.. _resources[index].Overrides, .. rows] };
        return this;
    }

    public ScheduleBuilder Busy(Guid resource, string start, string end, Guid? appointment = null, string? holder = null)
    {
        _busy.Add(new BusyTime(resource, At(start), At(end), appointment, holder));
        return this;
    }

    public ScheduleSnapshot Build() => new(zone, [.. _resources], [.. _overrides], [.. _busy]);

    /// <summary>A local wall time in the zone ("2026-12-01 10:00"), or an ISO time with its offset.</summary>
    public DateTimeOffset At(string time) => At(zone, time);

    public static DateTimeOffset At(TimeZoneInfo zone, string time)
    {
        if (time.Contains('T', StringComparison.Ordinal))
        {
            return DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);
        }

        var local = DateTime.ParseExact(time, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>A slot as "HH:mm" in the zone, for compact expectations.</summary>
    public static string Clock(Slot slot) => slot.Start.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A slot as "yyyy-MM-dd HH:mm".</summary>
    public static string Local(Slot slot) => slot.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static IEnumerable<(TimeOnly Opens, TimeOnly Closes)> Intervals(string? spec) =>
        string.IsNullOrEmpty(spec)
            ? []
            : spec.Split(',').Select(part => part.Split('-')).Select(p => (TimeOnly.Parse(p[0], CultureInfo.InvariantCulture), TimeOnly.Parse(p[1], CultureInfo.InvariantCulture)));
}

internal static class SnapshotTimes
{
    /// <summary>A local wall time in the snapshot's zone, as <see cref="ScheduleBuilder.At(string)"/>.</summary>
    public static DateTimeOffset At(this ScheduleSnapshot schedule, string time) => ScheduleBuilder.At(schedule.Zone, time);
}
