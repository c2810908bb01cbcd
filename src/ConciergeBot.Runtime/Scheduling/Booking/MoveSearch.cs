using ConciergeBot.Conversations;
using ConciergeBot.Scheduling.Availability;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Scheduling.Booking;

/// <summary>Why a requested time cannot be offered.</summary>
public enum UnavailableReason
{
    /// <summary>Someone else has it (or holds it while confirming).</summary>
    Taken,

    /// <summary>Nobody who does this service works then (closed, a holiday, a break).</summary>
    Closed,

    /// <summary>Sooner than the business's minimum notice.</summary>
    TooSoon,

    /// <summary>Further ahead than the reschedule policy or the booking horizon allows.</summary>
    TooFar,
}

/// <summary>A requested start: free (<see cref="Free"/>), or why not and the nearest free starts.</summary>
public sealed record RequestedTime(Slot? Free, UnavailableReason? Why, IReadOnlyList<Slot> Nearest);

/// <summary>
/// Free times to move one appointment to, as its conversation sees them: the appointment itself and
/// the conversation's own hold never stand in the way, its current resource is preferred, and the
/// reschedule policy's limit on how far ahead applies.
/// </summary>
public sealed class MoveSearch(
    ScheduleSource schedules,
    SlotFinder finder,
    BusinessDirectory businesses,
    IOptions<SchedulingOptions> options,
    TimeProvider clock)
{
    /// <summary>How far around a requested time alternatives are looked for.</summary>
    private static readonly TimeSpan Reach = TimeSpan.FromDays(15);

    /// <summary>
    /// A requested start, answered from one read of the schedule: the slot when it is free, else why
    /// not and the nearest free starts around it.
    /// </summary>
    public async Task<RequestedTime> AtOrNearestAsync(AppointmentView appointment, DateTimeOffset start, string holder, int count, CancellationToken cancellationToken)
    {
        var (schedule, request) = await LoadAsync(appointment, holder, start - Reach, start + Reach, cancellationToken);
        if (finder.FindAt(schedule, request, start) is { } free)
        {
            return new RequestedTime(free, null, []);
        }

        return new RequestedTime(null, WhyNot(schedule, request, start), finder.Nearest(schedule, request, start, count));
    }

    /// <summary>The slot at <paramref name="start"/> if it is still free for this appointment (on its current resource first); null when not.</summary>
    public async Task<Slot?> FreeAtAsync(AppointmentView appointment, DateTimeOffset start, string holder, CancellationToken cancellationToken)
    {
        var (schedule, request) = await LoadAsync(appointment, holder, start - Reach, start + Reach, cancellationToken);
        return finder.FindAt(schedule, request, start);
    }

    public async Task<IReadOnlyList<Slot>> NearestAsync(AppointmentView appointment, DateTimeOffset target, string holder, int count, CancellationToken cancellationToken)
    {
        var (schedule, request) = await LoadAsync(appointment, holder, target - Reach, target + Reach, cancellationToken);
        return finder.Nearest(schedule, request, target, count);
    }

    /// <summary>Free times for another appointment like <paramref name="like"/> (a free re-visit): its own time is taken like any other.</summary>
    public async Task<IReadOnlyList<Slot>> NearestForAnotherAsync(AppointmentView like, DateTimeOffset target, string holder, int count, CancellationToken cancellationToken)
    {
        var (schedule, request) = await LoadAsync(like, holder, target - Reach, target + Reach, cancellationToken);
        return finder.Nearest(schedule, request with { MovingAppointmentId = null }, target, count);
    }

    public async Task<IReadOnlyList<Slot>> InWindowAsync(AppointmentView appointment, DateTimeOffset from, DateTimeOffset to, string holder, int count, CancellationToken cancellationToken)
    {
        var (schedule, request) = await LoadAsync(appointment, holder, from, to, cancellationToken);
        return finder.BestInWindow(schedule, request, from, to, count);
    }

    private UnavailableReason WhyNot(ScheduleSnapshot schedule, SlotRequest request, DateTimeOffset start) =>
        start < request.Now + options.Value.MinimumNotice ? UnavailableReason.TooSoon
        : start > request.Latest ? UnavailableReason.TooFar
        : finder.FindAt(schedule with { Busy = [] }, request, start) is null ? UnavailableReason.Closed
        : UnavailableReason.Taken;

    /// <summary>The latest start this appointment may move to: the policy's limit or the booking horizon, whichever is sooner.</summary>
    public DateTimeOffset Latest(AppointmentView appointment, DateTimeOffset now)
    {
        var rules = options.Value;
        var policyLimit = rules.PolicyFor(appointment.ServiceCode).Latest(now);
        var horizon = now + rules.Horizon;
        return businesses.Current.ToLocal(policyLimit < horizon ? policyLimit : horizon);
    }

    private async Task<(ScheduleSnapshot Schedule, SlotRequest Request)> LoadAsync(
        AppointmentView appointment, string holder, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var business = businesses.Current;
        var (schedule, calendar) = await schedules.LoadAsync(business.Id, business.TimeZone, from, to, now, cancellationToken);
        return (schedule, Request(appointment, calendar.Service(appointment.ServiceId), holder, now));
    }

    internal SlotRequest Request(AppointmentView appointment, Service service, string holder, DateTimeOffset now) => new(
        ServiceTiming.Of(service),
        now,
        PreferredResourceId: appointment.ResourceId,
        MovingAppointmentId: appointment.Id,
        Holder: holder,
        Latest: Latest(appointment, now));
}
