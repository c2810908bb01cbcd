using ConciergeBot.Conversations;
using ConciergeBot.Events;
using ConciergeBot.Pipeline;
using ConciergeBot.Scheduling.Availability;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Scheduling.Booking;

public enum RescheduleStatus
{
    Done,

    /// <summary>The new time was taken (or became unavailable) before the change could be made.</summary>
    SlotTaken,

    /// <summary>The appointment is no longer what the customer was shown (staff moved or cancelled it).</summary>
    AppointmentChanged,

    /// <summary>The policy refuses the change (see <see cref="RescheduleResult.Refusal"/>).</summary>
    Refused,

    /// <summary>Further ahead than the policy allows.</summary>
    TooFar,
}

public sealed record RescheduleResult(RescheduleStatus Status, AppointmentView? Appointment = null, RescheduleRefusal? Refusal = null);

/// <param name="ExpectedStart">The start the customer was shown: if staff moved it meanwhile, nothing is changed.</param>
/// <param name="IdempotencyKey">The same key (the turn's message) finds the change already made when a turn runs again.</param>
public sealed record RescheduleRequest(
    AppointmentView Appointment,
    Slot NewSlot,
    string? Reason,
    string ConversationId,
    string IdempotencyKey);

/// <summary>
/// Holds a slot while the customer confirms, and moves the appointment. Both run on the database's
/// single writer, so what they check cannot change before they write; the database's own trigger
/// refuses an overlapping booking even from another process.
/// </summary>
public sealed partial class Rescheduler(
    DatabaseWriter writer,
    TurnDbFactory dbFactory,
    ScheduleSource schedules,
    ScheduleCalendarCache calendars,
    SlotFinder finder,
    MoveSearch search,
    BusinessEventDispatcher events,
    BusinessDirectory businesses,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<Rescheduler> logger)
{
    /// <summary>Keeps <paramref name="slot"/> for the conversation <paramref name="holder"/> (replacing its earlier hold); false when it is no longer free.</summary>
    public Task<bool> HoldAsync(AppointmentView appointment, Slot slot, string holder, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return writer.WriteAsync((connection, transaction) => Hold(connection, transaction, appointment, slot, holder, now), cancellationToken);
    }

    /// <summary>
    /// The hold as part of the turn's commit when it may be (the slot was just found free, so it nearly
    /// always still is): true at once, and if the slot was taken meanwhile the turn runs again and holds
    /// at once, answering from the real outcome.
    /// </summary>
    public Task<bool> HoldAsync(AppointmentView appointment, Slot slot, string holder, TurnWrites writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (!writes.Joinable)
        {
            return HoldAsync(appointment, slot, holder, cancellationToken);
        }

        var now = clock.GetUtcNow();
        writes.Join((connection, transaction) => Hold(connection, transaction, appointment, slot, holder, now));
        return Task.FromResult(true);
    }

    private bool Hold(SqliteConnection connection, SqliteTransaction transaction, AppointmentView appointment, Slot slot, string holder, DateTimeOffset now)
    {
        RescheduleRows.DeleteHoldsOfOrExpired(connection, transaction, holder, now.UtcDateTime);
        var calendar = schedules.CalendarOnWriter(connection, transaction, businesses.Current.Id);
        var service = calendar.Service(appointment.ServiceId);
        if (!StillFree(connection, transaction, calendar, appointment, service, slot, holder, now))
        {
            return false;
        }

        var (blockedStart, blockedEnd) = Appointment.Blocked(slot.Start.UtcDateTime, service);
        RescheduleRows.InsertHold(connection, transaction, new SlotHold
        {
            ResourceId = slot.ResourceId,
            BlockedStart = blockedStart,
            BlockedEnd = blockedEnd,
            Holder = holder,
            AppointmentId = appointment.Id,
            ExpiresAt = (now + options.Value.HoldDuration).UtcDateTime,
        });
        return true;
    }

    public async Task<RescheduleResult> RescheduleAsync(RescheduleRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var result = await writer.WriteAsync((connection, transaction) => Move(connection, transaction, request), cancellationToken);
            if (result.Status == RescheduleStatus.Done)
            {
                Moved(request);
            }

            return result;
        }
        catch (SqliteException ex) when (StoreErrors.IsDoubleBooking(ex))
        {
            // Another process booked the time between our check and our write: the database said no.
            LogRefusedByDatabase(request.ConversationId, request.Appointment.Reference);
            return new RescheduleResult(RescheduleStatus.SlotTaken);
        }
    }

    /// <summary>
    /// The move as part of the turn's commit when it may be and the outcome can be foreseen (the slot is
    /// held for this conversation, so it nearly always goes through): Done at once with the appointment as
    /// it will be. If at commit the move would turn out any other way (taken, refused, changed by staff),
    /// the turn runs again and moves at once, answering from the real outcome.
    /// </summary>
    public Task<RescheduleResult> RescheduleAsync(RescheduleRequest request, TurnWrites writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(writes);
        if (!writes.Joinable || Foreseen(request) is not { } moved)
        {
            return RescheduleAsync(request, cancellationToken);
        }

        writes.Join((connection, transaction) => MovesAsForeseen(connection, transaction, request, moved), () => Moved(request));
        return Task.FromResult(new RescheduleResult(RescheduleStatus.Done, moved));
    }

    /// <summary>The appointment as a move to the request's slot leaves it, from what the conversation already knows; null when the slot's resource is not known here.</summary>
    private AppointmentView? Foreseen(RescheduleRequest request)
    {
        var (seen, slot) = (request.Appointment, request.NewSlot);
        var resourceName = slot.ResourceId == seen.ResourceId ? seen.ResourceName
            : calendars.Known(businesses.Current.Id)?.Resource(slot.ResourceId)?.Name;
        if (resourceName is null)
        {
            return null;
        }

        var zone = businesses.Current.TimeZone;
        return seen with
        {
            ResourceId = slot.ResourceId,
            ResourceName = resourceName,
            Start = AppointmentViews.Local(slot.Start.UtcDateTime, zone),
            End = AppointmentViews.Local(slot.End.UtcDateTime, zone),
            RescheduleCount = seen.RescheduleCount + 1,
        };
    }

    private bool MovesAsForeseen(SqliteConnection connection, SqliteTransaction transaction, RescheduleRequest request, AppointmentView foreseen)
    {
        try
        {
            // The names' dictionary compares by reference; everything else must be what the customer was told.
            return Move(connection, transaction, request) is { Status: RescheduleStatus.Done, Appointment: { } moved }
                && moved with { ServiceNames = foreseen.ServiceNames } == foreseen;
        }
        catch (SqliteException ex) when (StoreErrors.IsDoubleBooking(ex))
        {
            return false;
        }
    }

    private void Moved(RescheduleRequest request)
    {
        events.Wake();
        LogMoved(request.ConversationId, request.Appointment.Reference, request.NewSlot.Start);
    }

    private RescheduleResult Move(SqliteConnection connection, SqliteTransaction transaction, RescheduleRequest request)
    {
        var done = RescheduleRows.ChangeMade(connection, transaction, request.IdempotencyKey);
        var appointment = RescheduleRows.Appointment(connection, transaction, request.Appointment.Id);
        if (done)
        {
            // A turn run again after its move committed: rare, so read the view the general way.
            using var db = dbFactory.Within(connection, transaction);
            return new RescheduleResult(RescheduleStatus.Done, View(db, request.Appointment.Id));
        }

        var now = clock.GetUtcNow();
        var seen = request.Appointment;
        if (appointment.Status != AppointmentStatus.Booked || appointment.Start != seen.Start.UtcDateTime || appointment.ResourceId != seen.ResourceId)
        {
            return new RescheduleResult(RescheduleStatus.AppointmentChanged);
        }

        var calendar = schedules.CalendarOnWriter(connection, transaction, businesses.Current.Id);
        var service = calendar.Service(appointment.ServiceId);
        var policy = options.Value.PolicyFor(service.Code);
        if (policy.Refusal(seen.Start, appointment.RescheduleCount, now) is { } refusal)
        {
            return new RescheduleResult(RescheduleStatus.Refused, Refusal: refusal);
        }

        if (request.NewSlot.Start > search.Latest(seen, now))
        {
            return new RescheduleResult(RescheduleStatus.TooFar);
        }

        if (!StillFree(connection, transaction, calendar, seen, service, request.NewSlot, request.ConversationId, now))
        {
            return new RescheduleResult(RescheduleStatus.SlotTaken);
        }

        var moved = new Appointment
        {
            Id = seen.Id,
            Reference = appointment.Reference,
            CustomerId = appointment.CustomerId,
            ServiceId = appointment.ServiceId,
            RescheduleCount = appointment.RescheduleCount + 1,
            UpdatedAt = now.UtcDateTime,
        };
        moved.Place(request.NewSlot.ResourceId, request.NewSlot.Start.UtcDateTime, service);
        RescheduleRows.DeleteHoldsOf(connection, transaction, request.ConversationId);
        RescheduleRows.Move(connection, transaction, moved);
        RescheduleRows.InsertChange(connection, transaction, new AppointmentChange
        {
            AppointmentId = moved.Id,
            At = now.UtcDateTime,
            Kind = AppointmentChangeKind.Rescheduled,
            Actor = Actors.Bot,
            Reason = request.Reason,
            FromStart = appointment.Start,
            ToStart = moved.Start,
            FromResourceId = appointment.ResourceId,
            ToResourceId = moved.ResourceId,
            ConversationId = request.ConversationId,
            IdempotencyKey = request.IdempotencyKey,
        });

        // The slot was free on its resource, so that resource is one of the calendar's active ones.
        var resource = calendar.Resource(moved.ResourceId)!;
        RescheduleRows.InsertEvent(connection, transaction, RescheduledEvent(moved, service, resource.Code, appointment, request, now));
        var zone = businesses.Current.TimeZone;
        return new RescheduleResult(RescheduleStatus.Done, new AppointmentView(
            moved.Id,
            moved.Reference,
            moved.CustomerId,
            service.Id,
            service.Code,
            new Dictionary<string, string>(service.Names),
            moved.ResourceId,
            resource.Name,
            AppointmentViews.Local(moved.Start, zone),
            AppointmentViews.Local(moved.End, zone),
            moved.RescheduleCount));
    }

    /// <summary>
    /// Checked on the writer, against what is committed now (others' holds included), on the slot's
    /// resource alone: the only one the check may use.
    /// </summary>
    private bool StillFree(
        SqliteConnection connection, SqliteTransaction transaction, ScheduleCalendar calendar, AppointmentView appointment, Service service, Slot slot, string holder, DateTimeOffset now)
    {
        var schedule = ScheduleSource.SlotOnWriter(connection, transaction, calendar, businesses.Current.TimeZone, slot, now);
        var request = search.Request(appointment, service, holder, now) with { ResourceId = slot.ResourceId };
        return finder.FindAt(schedule, request, slot.Start) is not null;
    }

    private BusinessEvent RescheduledEvent(
        Appointment moved, Service service, string resourceCode, RescheduleRows.MovingAppointment previous, RescheduleRequest request, DateTimeOffset now)
    {
        var zone = businesses.Current.TimeZone;
        return BusinessEvents.Create(BusinessEventTypes.AppointmentRescheduled, new AppointmentRescheduled(
            moved.Reference,
            moved.Id,
            moved.CustomerId,
            service.Code,
            resourceCode,
            AppointmentViews.Local(previous.Start, zone),
            AppointmentViews.Local(previous.End, zone),
            AppointmentViews.Local(moved.Start, zone),
            AppointmentViews.Local(moved.End, zone),
            request.Reason,
            Actors.Bot,
            request.ConversationId), now);
    }

    private AppointmentView View(ConciergeDb db, Guid appointmentId) =>
        AppointmentViews.Rows(db, a => a.Id == appointmentId).First().ToView(businesses.Current.TimeZone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} moved appointment {Reference} to {Start}")]
    private partial void LogMoved(string conversationId, string reference, DateTimeOffset start);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: the database refused moving {Reference} (double booking)")]
    private partial void LogRefusedByDatabase(string conversationId, string reference);
}
