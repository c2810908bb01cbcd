namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// Finds free starts for a service in a <see cref="ScheduleSnapshot"/>. Pure: no I/O and no clock (the
/// request carries its now), so the same inputs always give the same slots.
/// <para>Every search keeps to these rules:</para>
/// <list type="bullet">
/// <item>A slot [start, start + duration) lies inside one working interval of the resource's local day:
/// the weekly hours minus the breaks, or, on a date with overrides, the override rows added up (the
/// resource's own rows win over the business's; a row without hours adds nothing, so a date with only such
/// rows is closed; weekly breaks do not apply on an override date).</item>
/// <item>The buffered interval [start − buffer before, end + buffer after) does not overlap the resource's busy
/// time, except the appointment being moved and the searching conversation's own hold. Busy times already
/// include the buffers of the appointments they come from.</item>
/// <item>now + minimum notice ≤ start ≤ now + horizon, and start ≤ the request's latest.</item>
/// <item>Only resources that perform the service, and only the request's resource when it names one.</item>
/// <item>Starts are on the slot-interval grid counted from each working interval's opening, in the
/// business's wall-clock time; a wall time skipped when the clocks go forward is not offered, and one that
/// happens twice when they go back means its second occurrence (see <see cref="LocalDay"/>). Durations and
/// buffers are real elapsed time. Returned times carry the business's offset at that instant.</item>
/// </list>
/// The work of preparing a snapshot (grouping and sorting busy times, hours per day) is done once per
/// snapshot instance and remembered, so the snapshot's lists must not be changed after a first search.
/// </summary>
public sealed class SlotFinder
{
    private readonly SlotRules _rules;

    public SlotFinder(SlotRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(rules.SlotInterval, TimeSpan.Zero, nameof(rules));
        _rules = rules;
    }

    public SlotFinder(SchedulingOptions options)
        : this(SlotRules.From(options))
    {
    }

    public SlotRules Rules => _rules;

    /// <summary>
    /// Every free start in [<paramref name="from"/>, <paramref name="to"/>), one slot per resource free then,
    /// ordered by start and, at one start, the preferred resource first, then the others in the snapshot's order.
    /// Lazy: a caller that needs only the first few stops the search early.
    /// </summary>
    public IEnumerable<Slot> FreeSlots(ScheduleSnapshot schedule, SlotRequest request, DateTimeOffset from, DateTimeOffset to)
    {
        var search = Start(schedule, request);
        return Enumerate(search, from.UtcTicks, to.UtcTicks);
    }

    /// <summary>
    /// The slot at exactly <paramref name="start"/>, on the preferred resource when it is free then, else on the
    /// first free one; null when none is free. A start off the grid is accepted when it fits the hours.
    /// </summary>
    public Slot? FindAt(ScheduleSnapshot schedule, SlotRequest request, DateTimeOffset start)
    {
        var search = Start(schedule, request);
        return search.At(start.UtcTicks) is { } found ? search.ToSlot(found) : null;
    }

    /// <summary>
    /// Up to <paramref name="count"/> free starts, at distinct times, closest to <paramref name="target"/>
    /// (taken or outside the hours), in time order; see <see cref="NearestStarts"/> for the ranking.
    /// </summary>
    public IReadOnlyList<Slot> Nearest(ScheduleSnapshot schedule, SlotRequest request, DateTimeOffset target, int count) =>
        NearestStarts.Find(Start(schedule, request), target.UtcTicks, count);

    /// <summary>
    /// Up to <paramref name="count"/> free starts, at distinct times, inside a window the customer named,
    /// spread over its days and within a day, in time order; empty when nothing in it is free (ask
    /// <see cref="Nearest"/> then). See <see cref="WindowStarts"/> for the choice.
    /// </summary>
    public IReadOnlyList<Slot> BestInWindow(ScheduleSnapshot schedule, SlotRequest request, DateTimeOffset from, DateTimeOffset to, int count) =>
        WindowStarts.Find(Start(schedule, request), from.UtcTicks, to.UtcTicks, _rules.SlotInterval.Ticks, count);

    private SlotSearch Start(ScheduleSnapshot schedule, SlotRequest request)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(request);
        var service = request.Service;
        if (service.Duration <= TimeSpan.Zero || service.BufferBefore < TimeSpan.Zero || service.BufferAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"Service {service.ServiceId} needs a positive duration and buffers that are not negative.", nameof(request));
        }

        return new SlotSearch(ScheduleIndex.Of(schedule), _rules, request);
    }

    private static IEnumerable<Slot> Enumerate(SlotSearch search, long from, long to)
    {
        if (search.Dates(from, to) is not var (first, last))
        {
            yield break;
        }

        var day = new List<Candidate>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            day.Clear();
            search.ScanDay(date, from, to, day);
            for (var i = 0; i < day.Count; i++)
            {
                yield return search.ToSlot(day[i]);
            }
        }
    }
}
