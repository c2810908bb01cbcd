namespace ConciergeBot.Scheduling.Availability;

/// <summary>One resource's calendar prepared for searching: working intervals per weekday and per override date, busy time merged.</summary>
internal sealed class ResourceSchedule
{
    private readonly WallInterval[][] _weekly = new WallInterval[7][];
    private readonly Dictionary<DateOnly, WallInterval[]> _overrides;
    private readonly BusyTime[] _busy;
    private readonly HashSet<Guid> _appointments = [];
    private readonly HashSet<string> _holders = new(StringComparer.Ordinal);

    /// <param name="busy">This resource's busy times, sorted by start.</param>
    public ResourceSchedule(ResourceCalendar calendar, BusyTime[] busy)
    {
        Id = calendar.ResourceId;
        ServiceIds = calendar.ServiceIds;
        for (var day = DayOfWeek.Sunday; day <= DayOfWeek.Saturday; day++)
        {
            _weekly[(int)day] = WorkingHours.OnWeekday(calendar.Hours, calendar.Breaks, day);
        }

        _overrides = WorkingHours.ByDate(calendar.Overrides);
        _busy = busy;
        foreach (var b in busy)
        {
            if (b.AppointmentId is { } appointment)
            {
                _appointments.Add(appointment);
            }

            if (b.Holder is { } holder)
            {
                _holders.Add(holder);
            }
        }

        Busy = BusyIntervals.Merge(busy);
    }

    public Guid Id { get; }

    public IReadOnlySet<Guid> ServiceIds { get; }

    /// <summary>All busy time, for a search that excludes nothing on this resource.</summary>
    public BusyIntervals Busy { get; }

    /// <summary>The working intervals of a date: the resource's own overrides, else the business's, else the weekly hours.</summary>
    public WallInterval[] HoursOn(DateOnly date, Dictionary<DateOnly, WallInterval[]> businessOverrides) =>
        _overrides.TryGetValue(date, out var own) ? own
        : businessOverrides.TryGetValue(date, out var business) ? business
        : _weekly[(int)date.DayOfWeek];

    /// <summary>The busy time a request sees: the appointment it moves and its own hold do not count.</summary>
    public BusyIntervals BusyFor(Guid? movingAppointmentId, string? holder)
    {
        var moving = movingAppointmentId is { } id && _appointments.Contains(id);
        var holding = holder is not null && _holders.Contains(holder);
        if (!moving && !holding)
        {
            return Busy;
        }

        return BusyIntervals.Merge(_busy, b =>
            (moving && b.AppointmentId == movingAppointmentId) || (holding && string.Equals(b.Holder, holder, StringComparison.Ordinal)));
    }
}
