using ConciergeBot.Conversations;
using ConciergeBot.Scheduling.Availability;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Scheduling.Booking;

/// <param name="Appointment">The re-visit, when booked.</param>
public sealed record RevisitResult(bool Booked, AppointmentView? Appointment = null);

/// <summary>
/// Books a free re-visit after a problem report: a new appointment for the same customer and service
/// as the one that went wrong, in a slot the customer picked. Checked and written on the database's
/// single writer like a reschedule, so what was free cannot be taken before the write; the database's
/// trigger refuses an overlap from another process. A retried turn finds its booking by the same key.
/// </summary>
public sealed partial class RevisitBooker(
    DatabaseWriter writer,
    TurnDbFactory dbFactory,
    ScheduleSource schedules,
    SlotFinder finder,
    MoveSearch search,
    BusinessDirectory businesses,
    TimeProvider clock,
    ILogger<RevisitBooker> logger)
{
    /// <param name="original">The appointment the problem was about.</param>
    /// <param name="why">Kept on the new appointment and its history, e.g. the ticket reference.</param>
    public async Task<RevisitResult> BookAsync(AppointmentView original, Slot slot, string why, string conversationId, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var result = await writer.WriteAsync((connection, transaction) => Book(connection, transaction, original, slot, why, conversationId, idempotencyKey), cancellationToken);
            if (result.Booked)
            {
                LogBooked(conversationId, result.Appointment!.Reference, result.Appointment.Start);
            }

            return result;
        }
        catch (DbUpdateException ex) when (StoreErrors.IsDoubleBooking(ex))
        {
            return new RevisitResult(false);
        }
    }

    private RevisitResult Book(
        SqliteConnection connection, SqliteTransaction transaction, AppointmentView original, Slot slot, string why, string conversationId, string idempotencyKey)
    {
        using var db = dbFactory.Within(connection, transaction);
        var zone = businesses.Current.TimeZone;
        var done = db.AppointmentChanges.Where(c => c.IdempotencyKey == idempotencyKey).Select(c => (Guid?)c.AppointmentId).FirstOrDefault();
        if (done is { } bookedBefore)
        {
            return new RevisitResult(true, AppointmentViews.Rows(db, a => a.Id == bookedBefore).First().ToView(zone));
        }

        var now = clock.GetUtcNow();
        var calendar = schedules.CalendarOnWriter(connection, transaction, businesses.Current.Id);
        var service = calendar.Service(original.ServiceId);
        var schedule = ScheduleSource.SlotOnWriter(connection, transaction, calendar, zone, slot, now);
        var request = search.Request(original, service, conversationId, now) with { ResourceId = slot.ResourceId, MovingAppointmentId = null };
        var (start, end) = (slot.Start.UtcDateTime, slot.End.UtcDateTime);
        var clashes = db.Appointments.Any(a => a.CustomerId == original.CustomerId && a.Status == AppointmentStatus.Booked && a.Start < end && start < a.End);
        if (clashes || finder.FindAt(schedule, request, slot.Start) is null)
        {
            return new RevisitResult(false);
        }

        var reference = BookingReferences.Unused(businesses.Current.Name, r => db.Appointments.Any(a => a.Reference == r));

        var revisit = new Appointment
        {
            Id = Guid.NewGuid(),
            BusinessId = businesses.Current.Id,
            Reference = reference,
            CustomerId = original.CustomerId,
            ServiceId = service.Id,
            Status = AppointmentStatus.Booked,
            Notes = why,
            CreatedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
        };
        revisit.Place(slot.ResourceId, slot.Start.UtcDateTime, service);
        revisit.History.Add(new AppointmentChange
        {
            At = now.UtcDateTime,
            Kind = AppointmentChangeKind.Created,
            Actor = Actors.Bot,
            Reason = why,
            ToStart = revisit.Start,
            ToResourceId = revisit.ResourceId,
            ConversationId = conversationId,
            IdempotencyKey = idempotencyKey,
        });
        db.Appointments.Add(revisit);
        db.SaveChanges();
        return new RevisitResult(true, AppointmentViews.Rows(db, a => a.Id == revisit.Id).First().ToView(zone));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} booked free re-visit {Reference} at {Start}")]
    private partial void LogBooked(string conversationId, string reference, DateTimeOffset start);
}
