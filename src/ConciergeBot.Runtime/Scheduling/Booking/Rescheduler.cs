using ConciergeBot.Conversations;
using ConciergeBot.Events;
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
        return writer.WriteAsync((connection, transaction) =>
        {
            using var db = Open(connection, transaction);
            db.SlotHolds.Where(h => h.Holder == holder || h.ExpiresAt <= now.UtcDateTime).ExecuteDelete();
            var service = db.Services.AsNoTracking().First(s => s.Id == appointment.ServiceId);
            if (!StillFree(db, appointment, service, slot, holder, now))
            {
                return false;
            }

            var (blockedStart, blockedEnd) = Appointment.Blocked(slot.Start.UtcDateTime, service);
            db.SlotHolds.Add(new SlotHold
            {
                ResourceId = slot.ResourceId,
                BlockedStart = blockedStart,
                BlockedEnd = blockedEnd,
                Holder = holder,
                AppointmentId = appointment.Id,
                ExpiresAt = (now + options.Value.HoldDuration).UtcDateTime,
            });
            db.SaveChanges();
            return true;
        }, cancellationToken);
    }

    public async Task<RescheduleResult> RescheduleAsync(RescheduleRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var result = await writer.WriteAsync((connection, transaction) => Move(connection, transaction, request), cancellationToken);
            if (result.Status == RescheduleStatus.Done)
            {
                events.Wake();
                LogMoved(request.ConversationId, request.Appointment.Reference, request.NewSlot.Start);
            }

            return result;
        }
        catch (DbUpdateException ex) when (StoreErrors.IsDoubleBooking(ex))
        {
            // Another process booked the time between our check and our write: the database said no.
            LogRefusedByDatabase(request.ConversationId, request.Appointment.Reference);
            return new RescheduleResult(RescheduleStatus.SlotTaken);
        }
    }

    private RescheduleResult Move(SqliteConnection connection, SqliteTransaction transaction, RescheduleRequest request)
    {
        using var db = Open(connection, transaction);
        var done = db.AppointmentChanges.AsNoTracking().Any(c => c.IdempotencyKey == request.IdempotencyKey);
        var appointment = db.Appointments.First(a => a.Id == request.Appointment.Id);
        if (done)
        {
            return new RescheduleResult(RescheduleStatus.Done, View(db, appointment.Id));
        }

        var now = clock.GetUtcNow();
        var seen = request.Appointment;
        if (appointment.Status != AppointmentStatus.Booked || appointment.Start != seen.Start.UtcDateTime || appointment.ResourceId != seen.ResourceId)
        {
            return new RescheduleResult(RescheduleStatus.AppointmentChanged);
        }

        var service = db.Services.AsNoTracking().First(s => s.Id == appointment.ServiceId);
        var policy = options.Value.PolicyFor(service.Code);
        if (policy.Refusal(seen.Start, appointment.RescheduleCount, now) is { } refusal)
        {
            return new RescheduleResult(RescheduleStatus.Refused, Refusal: refusal);
        }

        if (request.NewSlot.Start > search.Latest(seen, now))
        {
            return new RescheduleResult(RescheduleStatus.TooFar);
        }

        if (!StillFree(db, seen, service, request.NewSlot, request.ConversationId, now))
        {
            return new RescheduleResult(RescheduleStatus.SlotTaken);
        }

        var previous = (Start: appointment.Start, End: appointment.End, ResourceId: appointment.ResourceId);
        appointment.Place(request.NewSlot.ResourceId, request.NewSlot.Start.UtcDateTime, service);
        appointment.RescheduleCount++;
        appointment.UpdatedAt = now.UtcDateTime;
        db.AppointmentChanges.Add(new AppointmentChange
        {
            AppointmentId = appointment.Id,
            At = now.UtcDateTime,
            Kind = AppointmentChangeKind.Rescheduled,
            Actor = Actors.Bot,
            Reason = request.Reason,
            FromStart = previous.Start,
            ToStart = appointment.Start,
            FromResourceId = previous.ResourceId,
            ToResourceId = appointment.ResourceId,
            ConversationId = request.ConversationId,
            IdempotencyKey = request.IdempotencyKey,
        });
        db.SlotHolds.Where(h => h.Holder == request.ConversationId).ExecuteDelete();
        db.BusinessEvents.Add(RescheduledEvent(db, appointment, service, previous, request, now));
        db.SaveChanges();
        return new RescheduleResult(RescheduleStatus.Done, View(db, appointment.Id));
    }

    /// <summary>Checked on the writer, against what is committed now (others' holds included).</summary>
    private bool StillFree(ConciergeDb db, AppointmentView appointment, Service service, Slot slot, string holder, DateTimeOffset now)
    {
        var business = businesses.Current;
        var schedule = ScheduleReader.Load(db, business.Id, business.TimeZone, slot.Start, slot.End, now, CancellationToken.None);
        var request = search.Request(appointment, service, holder, now) with { ResourceId = slot.ResourceId };
        return finder.FindAt(schedule, request, slot.Start) is not null;
    }

    private BusinessEvent RescheduledEvent(
        ConciergeDb db, Appointment appointment, Service service, (DateTime Start, DateTime End, Guid ResourceId) previous, RescheduleRequest request, DateTimeOffset now)
    {
        var zone = businesses.Current.TimeZone;
        var resourceCode = db.Resources.AsNoTracking().Where(r => r.Id == appointment.ResourceId).Select(r => r.Code).First();
        return BusinessEvents.Create(BusinessEventTypes.AppointmentRescheduled, new AppointmentRescheduled(
            appointment.Reference,
            appointment.Id,
            appointment.CustomerId,
            service.Code,
            resourceCode,
            AppointmentViews.Local(previous.Start, zone),
            AppointmentViews.Local(previous.End, zone),
            AppointmentViews.Local(appointment.Start, zone),
            AppointmentViews.Local(appointment.End, zone),
            request.Reason,
            Actors.Bot,
            request.ConversationId), now);
    }

    private AppointmentView View(ConciergeDb db, Guid appointmentId) =>
        AppointmentViews.Rows(db, a => a.Id == appointmentId).First().ToView(businesses.Current.TimeZone);

    /// <summary>A unit of work on the writer's connection and transaction.</summary>
    private ConciergeDb Open(SqliteConnection connection, SqliteTransaction transaction)
    {
        var db = dbFactory.Create();
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        db.Database.UseTransaction(transaction);
        return db;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} moved appointment {Reference} to {Start}")]
    private partial void LogMoved(string conversationId, string reference, DateTimeOffset start);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: the database refused moving {Reference} (double booking)")]
    private partial void LogRefusedByDatabase(string conversationId, string reference);
}
