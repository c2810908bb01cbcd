using System.Text.Json.Nodes;
using ConciergeBot.Events;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Tickets;

public sealed record TicketChange(string Reference, string Actor, TicketStatus? Status, string? CorrectiveAction, string? Note);

/// <summary>
/// What staff do with tickets (admin API or agent console): mark them in progress, write the corrective
/// action, resolve. When the customer has something to hear (a corrective action, a resolution) a
/// follow-up event is staged in their conversation's inbox in the same transaction, so the follow-up
/// dialog tells them what was done and asks whether it is now sorted — exactly once.
/// </summary>
public sealed partial class TicketDesk(
    DatabaseWriter writer,
    TurnDbFactory dbs,
    TurnIngress ingress,
    BusinessEventDispatcher events,
    TimeProvider clock,
    ILogger<TicketDesk> logger)
{
    public const string FollowUpEvent = "ticketFollowUp";

    /// <returns>The ticket as it is now, or null when there is no such reference.</returns>
    public async Task<Ticket?> ChangeAsync(TicketChange change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (ticket, staged, followUp) = await writer.WriteAsync((connection, transaction) =>
        {
            using var db = dbs.Within(connection, transaction);
            var ticket = db.Tickets.FirstOrDefault(t => t.Reference == change.Reference.Trim().ToUpperInvariant());
            if (ticket is null)
            {
                return ((Ticket?)null, (InboundResult?)null, (Activities.Activity?)null);
            }

            var tell = false;
            if (!string.IsNullOrWhiteSpace(change.Note))
            {
                Record(db, ticket, change.Actor, TicketActionKind.Note, change.Note.Trim(), now);
            }

            // The same fix recorded twice (a double click, a help desk retrying) is told once.
            if (!string.IsNullOrWhiteSpace(change.CorrectiveAction) && change.CorrectiveAction.Trim() != ticket.CorrectiveAction)
            {
                ticket.CorrectiveAction = change.CorrectiveAction.Trim();
                Record(db, ticket, change.Actor, TicketActionKind.CorrectiveAction, ticket.CorrectiveAction, now);
                tell = true;
            }

            if (change.Status is { } status && status != ticket.Status)
            {
                ticket.Status = status;
                ticket.ResolvedAt = status == TicketStatus.Resolved ? now.UtcDateTime : null;
                Record(db, ticket, change.Actor, status == TicketStatus.Resolved ? TicketActionKind.Resolved : TicketActionKind.InProgress,
                    status == TicketStatus.Resolved ? "Resolved." : $"Now {TicketStatusNames.Of(status)}.", now);
                tell |= status == TicketStatus.Resolved;
            }

            ticket.UpdatedAt = now.UtcDateTime;
            db.BusinessEvents.Add(BusinessEvents.Create(
                ticket.Status == TicketStatus.Resolved ? TicketEventTypes.Resolved : TicketEventTypes.Updated, TicketEvent.Of(ticket), now));
            db.SaveChanges();

            if (!tell)
            {
                return (ticket, (InboundResult?)null, (Activities.Activity?)null);
            }

            // The customer hears what was done in their own conversation, as a turn of its dialogs.
            var followUp = ProactiveMessages.Event(connection, transaction, ticket.ConversationId, FollowUpEvent,
                new JsonObject { ["ticket"] = ticket.Reference }, $"ticket-{ticket.Reference}-{now.UtcTicks}", now);
            return (ticket, followUp is null ? null : ingress.Stage(connection, transaction, followUp), followUp);
        }, cancellationToken);

        if (ticket is null)
        {
            return null;
        }

        if (staged is not null && followUp is not null)
        {
            ingress.Started(staged, followUp);
        }

        events.Wake();
        LogChanged(ticket.Reference, change.Actor, TicketStatusNames.Of(ticket.Status), followUp is not null);
        return ticket;
    }

    public static void Record(ConciergeDb db, Ticket ticket, string actor, TicketActionKind kind, string text, DateTimeOffset now) =>
        db.TicketActions.Add(new TicketAction { TicketId = ticket.Id, Actor = actor, Kind = kind, Text = text, At = now.UtcDateTime });

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Reference} changed by {Actor}: now {Status}; customer told: {FollowUp}")]
    private partial void LogChanged(string reference, string actor, string status, bool followUp);
}

public static class TicketEventTypes
{
    public const string Opened = "ticket.opened";
    public const string Updated = "ticket.updated";
    public const string Resolved = "ticket.resolved";
    public const string Reopened = "ticket.reopened";
}

public sealed record TicketEvent(string Reference, Guid TicketId, string Category, string Severity, string Status, Guid? CustomerId, Guid? AppointmentId, string? Compensation, string? CorrectiveAction, bool Escalated)
{
    public static TicketEvent Of(Ticket t) => new(
        t.Reference, t.Id, t.Category, t.Severity.ToString().ToLowerInvariant(), TicketStatusNames.Of(t.Status), t.CustomerId, t.AppointmentId, t.Compensation, t.CorrectiveAction, t.Escalated);
}
