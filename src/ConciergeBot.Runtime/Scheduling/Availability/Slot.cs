namespace ConciergeBot.Scheduling.Availability;

/// <summary>A free start for a service on one resource; <see cref="End"/> is the end of the service itself, without buffers.</summary>
public sealed record Slot(Guid ResourceId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>How long a service takes and the time it keeps free around itself.</summary>
public sealed record ServiceTiming(Guid ServiceId, TimeSpan Duration, TimeSpan BufferBefore, TimeSpan BufferAfter)
{
    public static ServiceTiming Of(Service service) => new(
        service.Id,
        TimeSpan.FromMinutes(service.DurationMinutes),
        TimeSpan.FromMinutes(service.BufferBeforeMinutes),
        TimeSpan.FromMinutes(service.BufferAfterMinutes));
}

/// <summary>What a search looks for, and whose own bookings and holds do not stand in its way.</summary>
/// <param name="Now">The moment of the search: minimum notice and the horizon count from it.</param>
/// <param name="ResourceId">Only this resource.</param>
/// <param name="PreferredResourceId">When two resources are free at the same time, this one (the customer's current one).</param>
/// <param name="MovingAppointmentId">The appointment being moved: it never blocks its own new time.</param>
/// <param name="Holder">The conversation searching: its own hold does not block it.</param>
/// <param name="Latest">No start after this (e.g. the reschedule policy's limit), besides the horizon.</param>
public sealed record SlotRequest(
    ServiceTiming Service,
    DateTimeOffset Now,
    Guid? ResourceId = null,
    Guid? PreferredResourceId = null,
    Guid? MovingAppointmentId = null,
    string? Holder = null,
    DateTimeOffset? Latest = null);

/// <summary>Time a resource is not free: an appointment's blocked time, or a hold for a conversation.</summary>
public sealed record BusyTime(Guid ResourceId, DateTimeOffset Start, DateTimeOffset End, Guid? AppointmentId = null, string? Holder = null);

/// <summary>One resource's calendar: what it can do, its weekly hours and breaks, and its own date overrides.</summary>
public sealed record ResourceCalendar(
    Guid ResourceId,
    IReadOnlySet<Guid> ServiceIds,
    IReadOnlyList<WeeklyHours> Hours,
    IReadOnlyList<WeeklyBreak> Breaks,
    IReadOnlyList<ScheduleOverride> Overrides);

/// <summary>Everything a slot search needs for a period, read from the database once.</summary>
public sealed record ScheduleSnapshot(
    TimeZoneInfo Zone,
    IReadOnlyList<ResourceCalendar> Resources,
    IReadOnlyList<ScheduleOverride> BusinessOverrides,
    IReadOnlyList<BusyTime> Busy);
