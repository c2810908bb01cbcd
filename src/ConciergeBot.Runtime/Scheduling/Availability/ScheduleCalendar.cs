namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// The part of a business's schedule that changes only when staff edit it: active resources (ordered by
/// code) with what they do, their weekly hours and breaks; the business's date overrides; every service.
/// Read at one <see cref="Revision"/> of the calendar tables and shared between threads, so nothing in
/// it is ever changed after it is built.
/// </summary>
public sealed class ScheduleCalendar
{
    private readonly Dictionary<Guid, Service> _services;

    internal ScheduleCalendar(long revision, Guid businessId, IReadOnlyList<CalendarResource> resources, IReadOnlyList<ScheduleOverride> overrides, IEnumerable<Service> services)
    {
        Revision = revision;
        BusinessId = businessId;
        Resources = resources;
        Overrides = overrides;
        ActiveResourceIds = resources.Select(r => r.Id).ToHashSet();
        _services = services.ToDictionary(s => s.Id);
    }

    /// <summary>The value of the calendar revision counter this was read at.</summary>
    public long Revision { get; }

    public Guid BusinessId { get; }

    /// <summary>The business's active resources, ordered by code (which breaks ties between resources free at once).</summary>
    public IReadOnlyList<CalendarResource> Resources { get; }

    /// <summary>All of the business's date overrides, the business's own and its resources'.</summary>
    public IReadOnlyList<ScheduleOverride> Overrides { get; }

    public IReadOnlySet<Guid> ActiveResourceIds { get; }

    /// <summary>A service by id, active or not (an appointment keeps a service that was retired after it was booked).</summary>
    public Service Service(Guid id) =>
        _services.TryGetValue(id, out var service) ? service : throw new InvalidOperationException($"Service {id} does not exist.");

    public CalendarResource? Resource(Guid id)
    {
        foreach (var resource in Resources)
        {
            if (resource.Id == id)
            {
                return resource;
            }
        }

        return null;
    }
}

/// <summary>One active resource as a slot search needs it.</summary>
public sealed record CalendarResource(
    Guid Id,
    string Code,
    string Name,
    IReadOnlySet<Guid> ServiceIds,
    IReadOnlyList<WeeklyHours> Hours,
    IReadOnlyList<WeeklyBreak> Breaks);
