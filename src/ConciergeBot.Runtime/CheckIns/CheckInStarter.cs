using ConciergeBot.Activities;
using ConciergeBot.Conversations;
using ConciergeBot.Handoff;
using ConciergeBot.Pipeline;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ConciergeBot.CheckIns;

/// <summary>What became of a due row.</summary>
public enum StartOutcome
{
    /// <summary>Another instance (or an earlier sweep) has it already, or it is not due.</summary>
    NotMine,
    Started,
    Waiting,
    Skipped,
    Undeliverable,
}

/// <summary>
/// Starts one due contact: checks it may go out now (opt-out, frequency cap, the appointment as it
/// is now, quiet hours, a conversation busy or with a person, the channel's window) and stages the
/// event that makes the customer's conversation ask, in the same transaction as the row's change of
/// status. The row's version guards that change, so of two instances only one starts it.
/// </summary>
public sealed class CheckInStarter(
    DatabaseWriter writer,
    TurnDbFactory dbs,
    TurnIngress ingress,
    CheckInPlanner planner,
    BusinessDirectory businesses,
    IOptions<CheckInOptions> checkIns,
    IOptions<ReminderOptions> reminders,
    IOptions<Pipeline.PipelineOptions> pipeline)
{
    /// <summary>A conversation this recently active is left alone a little longer: no question in the middle of another.</summary>
    private static readonly TimeSpan Busy = TimeSpan.FromMinutes(10);

    /// <summary>While a person has the conversation, look again after this.</summary>
    private static readonly TimeSpan WithAPersonRetry = TimeSpan.FromHours(1);

    public async Task<StartOutcome> StartAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (outcome, staged, activity) = await writer.WriteAsync((connection, transaction) =>
        {
            using var db = dbs.Within(connection, transaction);
            var row = db.CheckIns.FirstOrDefault(c => c.Id == id);
            if (row is not { Status: CheckInStatus.Scheduled } || row.DueAt > now.UtcDateTime)
            {
                return (StartOutcome.NotMine, (InboundResult?)null, (Activity?)null);
            }

            var decision = Decide(db, connection, transaction, row, now);
            row.Version++;
            switch (decision)
            {
                case Wait wait:
                    row.DueAt = wait.Until.UtcDateTime;
                    db.SaveChanges();
                    return (StartOutcome.Waiting, null, null);
                case Skip skip:
                    row.Status = skip.Undeliverable ? CheckInStatus.Undeliverable : CheckInStatus.Skipped;
                    row.Reason = skip.Reason;
                    db.SaveChanges();
                    return (skip.Undeliverable ? StartOutcome.Undeliverable : StartOutcome.Skipped, null, null);
            }

            var go = (Go)decision;
            var activity = ProactiveMessages.Event(connection, transaction, go.ConversationId, CheckInEvents.Name, CheckInEvents.Value(row), $"check-in-{Sql.Id(row.Id)}", now);
            if (activity is null)
            {
                row.Status = CheckInStatus.Undeliverable;
                row.Reason = "The conversation has no message from the customer to answer.";
                db.SaveChanges();
                return (StartOutcome.Undeliverable, null, null);
            }

            row.Status = CheckInStatus.Started;
            row.ConversationId = go.ConversationId;
            row.StartedAt = now.UtcDateTime;
            row.ExpiresAt = go.ExpiresAt.UtcDateTime;
            row.Attempts++;
            // Throws when another writer changed the row since it was read: then nothing is staged here.
            db.SaveChanges();
            return (StartOutcome.Started, ingress.Stage(connection, transaction, activity), activity);
        }, cancellationToken);

        if (staged is not null && activity is not null)
        {
            ingress.Started(staged, activity);
        }

        return outcome;
    }

    private abstract record Decision;

    private sealed record Go(string ConversationId, DateTimeOffset ExpiresAt) : Decision;

    private sealed record Wait(DateTimeOffset Until) : Decision;

    private sealed record Skip(string Reason, bool Undeliverable = false) : Decision;

    private Decision Decide(ConciergeDb db, SqliteConnection connection, SqliteTransaction transaction, CheckIn row, DateTimeOffset now)
    {
        var options = checkIns.Value;
        var customer = row.CustomerId is { } customerId ? db.Customers.FirstOrDefault(c => c.Id == customerId) : null;
        if (customer?.OptedOutAt is not null)
        {
            return new Skip("The customer opted out of messages from the bot.");
        }

        var appointment = row.AppointmentId is { } appointmentId ? db.Appointments.FirstOrDefault(a => a.Id == appointmentId) : null;
        var expires = now + options.ExpireAfter;
        switch (row.Kind)
        {
            case CheckInKind.Visit when appointment is null || !(appointment.Status == AppointmentStatus.Completed
                    || (options.CompleteWhenEndPassed && appointment.Status == options.EndPassedStatus && appointment.End <= now.UtcDateTime)):
                return new Skip($"The appointment is {appointment?.Status.ToString().ToLowerInvariant() ?? "gone"}, not completed.");
            case CheckInKind.Reminder when appointment is not { Status: AppointmentStatus.Booked }:
                return new Skip($"The appointment is {appointment?.Status.ToString().ToLowerInvariant() ?? "gone"}, no longer booked.");
            case CheckInKind.Reminder when row.AppointmentStart is { } planned && planned != appointment.Start:
                return new Skip("The appointment moved; its new time has a reminder of its own.");
            case CheckInKind.Reminder:
                var due = planner.ReminderDue(appointment.Start, now);
                if (new DateTimeOffset(appointment.Start, TimeSpan.Zero) - due < reminders.Value.MinimumLead)
                {
                    return new Skip("Too close to the start to remind (quiet hours or a late booking).");
                }

                if (due > now)
                {
                    return new Wait(due);
                }

                expires = new DateTimeOffset(appointment.Start, TimeSpan.Zero);
                break;
        }

        if (row.Kind != CheckInKind.Reminder && row.CustomerId is { } asked)
        {
            var since = now.UtcDateTime - options.Per;
            var recent = db.CheckIns.Count(c => c.CustomerId == asked && c.Id != row.Id && c.Kind != CheckInKind.Reminder && c.StartedAt >= since
                && (c.Status == CheckInStatus.Started || c.Status == CheckInStatus.Sent || c.Status == CheckInStatus.Answered || c.Status == CheckInStatus.Expired));
            if (recent >= options.MaxPerCustomer)
            {
                return new Skip($"Frequency cap: the customer was asked {recent} time(s) in the last {options.Per.TotalDays:0.#} day(s).");
            }
        }

        var quiet = QuietHours.Parse(options.QuietHours);
        if (quiet.Contains(now, businesses.Current.TimeZone))
        {
            return new Wait(quiet.NextAllowed(now, businesses.Current.TimeZone));
        }

        var conversation = row.ConversationId is { } known
            ? db.Conversations.FirstOrDefault(c => c.Id == known)
            : db.Conversations.Where(c => c.CustomerId == row.CustomerId && c.LastActivityAt != null).OrderByDescending(c => c.LastActivityAt).FirstOrDefault();
        if (conversation is null)
        {
            return new Skip("The customer has never written to us on a channel the bot can answer on.", Undeliverable: true);
        }

        if (db.HandoffCases.Any(c => c.ConversationId == conversation.Id && (c.Status == HandoffStatus.Waiting || c.Status == HandoffStatus.Active)))
        {
            return new Wait(now + WithAPersonRetry);
        }

        // Someone in the middle of a dialog (a reschedule paused for a phone call) keeps it until it
        // would lapse anyway; a quiet conversation is only left a few minutes for a last word.
        // (After a handoff the person's part is over, whatever the stack still holds.)
        var inADialog = row.Kind != CheckInKind.Handoff && Conversations.ConversationState.Deserialize(conversation.StateJson).DialogStack.Count > 0;
        var leaveAlone = inADialog ? pipeline.Value.ConversationIdleTimeout : Busy;
        if (conversation.LastActivityAt is { } last && now.UtcDateTime - last < leaveAlone)
        {
            return new Wait(new DateTimeOffset(last + leaveAlone, TimeSpan.Zero));
        }

        // The survey after a handoff has no template: it goes only while the customer can still get a free message.
        if (row.Kind == CheckInKind.Handoff && !ChannelWindow.IsOpen(connection, transaction, conversation.Channel, conversation.Id, now))
        {
            return new Skip("The channel's window for free messages has closed since the customer last wrote.");
        }

        return new Go(conversation.Id, expires);
    }
}
