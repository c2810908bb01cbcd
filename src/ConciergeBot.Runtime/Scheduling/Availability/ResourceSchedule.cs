namespace ConciergeBot.Scheduling.Availability;

/// <summary>One resource's calendar prepared for searching: working intervals per weekday and per override date, busy time merged.</summary>
internal sealed class ResourceSchedule
{
    private readonly WallInterval[][] _weekly = new WallInterval[7][];
    private readonly Dictionary<DateOnly, WallInterval[]> _overrides;
    private readonly BusyTime[] _busy;

    // Parallel to _busy (Guid.Empty for a hold), and where the holds are: a request that moves an
    // appointment or holds a slot finds what to leave out with a tight scan, nothing indexed up front.
    private readonly Guid[] _appointmentIds;
    private readonly int[] _holds;

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
        _appointmentIds = new Guid[busy.Length];
        var holds = new List<int>();
        for (var i = 0; i < busy.Length; i++)
        {
            _appointmentIds[i] = busy[i].AppointmentId ?? Guid.Empty;
            if (busy[i].Holder is not null)
            {
                holds.Add(i);
            }
        }

        _holds = [.. holds];
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
        var moving = movingAppointmentId is { } id && id != Guid.Empty && Array.IndexOf(_appointmentIds, id) >= 0;
        var holding = holder is not null && Array.Exists(_holds, i => string.Equals(_busy[i].Holder, holder, StringComparison.Ordinal));
        return moving || holding ? BusyIntervals.Merge(_busy, b => Excluded(b, movingAppointmentId, holder)) : Busy;
    }

    private static bool Excluded(BusyTime busy, Guid? movingAppointmentId, string? holder) =>
        (movingAppointmentId is not null && busy.AppointmentId == movingAppointmentId)
        || (holder is not null && string.Equals(busy.Holder, holder, StringComparison.Ordinal));
}
