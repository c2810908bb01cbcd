using ConciergeBot.Activities;
using ConciergeBot.CheckIns;
using ConciergeBot.Conversations;
using ConciergeBot.Events;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Handoff;

public enum DeskOutcome
{
    Done,
    NotFound,

    /// <summary>Someone else has it, or it is closed: the console shows it as it is now.</summary>
    NotAvailable,

    /// <summary>The agent already holds as many conversations as allowed.</summary>
    AtCapacity,

    /// <summary>Only the agent who has the case (or a supervisor) may do that, and only in a team they work.</summary>
    NotYours,

    /// <summary>The target agent or team does not exist, or the input is empty.</summary>
    Invalid,
}

public sealed record DeskResult(DeskOutcome Outcome, HandoffCase? Case = null, string? Problem = null)
{
    public bool Succeeded => Outcome == DeskOutcome.Done;
}

/// <summary>
/// What agents do with handed-off conversations: claim, reply, note, transfer, resolve, hand back.
/// Every change runs on the single writer, checks the case as it is committed now (two agents can
/// never both claim one), tells the customer in their language through the outbox, and publishes a
/// business event, all in one transaction.
/// </summary>
public sealed partial class HandoffDesk(
    DatabaseWriter writer,
    TurnDbFactory dbs,
    LocaleCatalog locales,
    BusinessDirectory businesses,
    OutboxDispatcher outbox,
    BusinessEventDispatcher events,
    HandoffSignals signals,
    IOptions<CheckInOptions> checkIns,
    TimeProvider clock,
    ILogger<HandoffDesk> logger)
{
    public Task<DeskResult> ClaimAsync(Guid caseId, Guid agentId, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, agentId, queueChanged: true, (db, open, agent, now) =>
        {
            if (open.Status != HandoffStatus.Waiting)
            {
                return new DeskResult(DeskOutcome.NotAvailable, open);
            }

            if (!agent.Works(open.Team))
            {
                return new DeskResult(DeskOutcome.NotYours, open, $"{agent.UserName} does not work the {open.Team} team.");
            }

            if (ActiveCount(db, agent.Id) >= agent.MaxConcurrent)
            {
                return new DeskResult(DeskOutcome.AtCapacity, open, $"{agent.UserName} already has {agent.MaxConcurrent} conversation(s).");
            }

            open.Status = HandoffStatus.Active;
            open.AgentId = agent.Id;
            open.ClaimedAt = now.UtcDateTime;
            Note(db, open, agent, HandoffNoteKind.Claimed, $"{agent.DisplayName} took the conversation.", now);
            Tell(db, open, HandoffTexts.AgentJoined, now, ("agent", agent.DisplayName), ("business", businesses.Current.Name));
            Publish(db, open, agent, HandoffEventTypes.Claimed, now);
            return new DeskResult(DeskOutcome.Done, open);
        }, cancellationToken);

    /// <summary>An agent's message to the customer, on the customer's own channel.</summary>
    public Task<DeskResult> ReplyAsync(Guid caseId, Guid agentId, string text, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, agentId, queueChanged: false, (db, open, agent, now) =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return new DeskResult(DeskOutcome.Invalid, open, "The message is empty.");
            }

            if (!Holds(open, agent))
            {
                return new DeskResult(open.IsOpen ? DeskOutcome.NotYours : DeskOutcome.NotAvailable, open);
            }

            var message = MessageFactory.Text(text.Trim());
            message.From = new ChannelAccount(AgentAccountId(agent), agent.DisplayName, "bot");
            ProactiveMessages.Enqueue(db.Connection(), db.Transaction(), open.ConversationId, message, open.Language, now);
            return new DeskResult(DeskOutcome.Done, open);
        }, cancellationToken);

    /// <summary>A note only agents see.</summary>
    public Task<DeskResult> NoteAsync(Guid caseId, Guid agentId, string text, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, agentId, queueChanged: false, (db, open, agent, now) =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return new DeskResult(DeskOutcome.Invalid, open, "The note is empty.");
            }

            if (!agent.Works(open.Team) && open.AgentId != agent.Id)
            {
                return new DeskResult(DeskOutcome.NotYours, open);
            }

            Note(db, open, agent, HandoffNoteKind.Note, text.Trim(), now);
            return new DeskResult(DeskOutcome.Done, open);
        }, cancellationToken);

    /// <summary>
    /// Gives the case to a named agent (who has it at once, within their limit) or to a team (it
    /// waits in that team's queue, keeping its place in time).
    /// </summary>
    public Task<DeskResult> TransferAsync(Guid caseId, Guid agentId, string? toTeam, string? toAgent, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, agentId, queueChanged: true, (db, open, agent, now) =>
        {
            if (!open.IsOpen)
            {
                return new DeskResult(DeskOutcome.NotAvailable, open);
            }

            if (!Holds(open, agent) && !(open.Status == HandoffStatus.Waiting && agent.Works(open.Team)))
            {
                return new DeskResult(DeskOutcome.NotYours, open);
            }

            if (!string.IsNullOrWhiteSpace(toAgent))
            {
                var name = toAgent.Trim().ToLowerInvariant();
                var target = db.Agents.FirstOrDefault(a => a.UserName == name && !a.Disabled);
                if (target is null)
                {
                    return new DeskResult(DeskOutcome.Invalid, open, $"There is no agent '{toAgent}'.");
                }

                if (target.Id != open.AgentId && ActiveCount(db, target.Id) >= target.MaxConcurrent)
                {
                    return new DeskResult(DeskOutcome.AtCapacity, open, $"{target.UserName} already has {target.MaxConcurrent} conversation(s).");
                }

                open.Status = HandoffStatus.Active;
                open.AgentId = target.Id;
                open.ClaimedAt ??= now.UtcDateTime;
                Note(db, open, agent, HandoffNoteKind.Transferred, $"{agent.DisplayName} passed the conversation to {target.DisplayName}.", now);
                Tell(db, open, HandoffTexts.TransferredToAgent, now, ("agent", target.DisplayName));
                Publish(db, open, target, HandoffEventTypes.Transferred, now);
                return new DeskResult(DeskOutcome.Done, open);
            }

            if (string.IsNullOrWhiteSpace(toTeam))
            {
                return new DeskResult(DeskOutcome.Invalid, open, "Name a team or an agent.");
            }

            var team = toTeam.Trim().ToLowerInvariant();
            var someoneWorksIt = db.Agents.AsNoTracking().Where(a => !a.Disabled).AsEnumerable().Any(a => a.TeamList().Contains(team));
            if (!someoneWorksIt)
            {
                return new DeskResult(DeskOutcome.Invalid, open, $"No agent works the team '{toTeam}'.");
            }

            open.Status = HandoffStatus.Waiting;
            open.AgentId = null;
            open.Team = team;
            open.PositionTold = null;
            Note(db, open, agent, HandoffNoteKind.Transferred, $"{agent.DisplayName} passed the conversation to the {team} team.", now);
            Tell(db, open, HandoffTexts.TransferredToTeam, now);
            Publish(db, open, null, HandoffEventTypes.Transferred, now);
            return new DeskResult(DeskOutcome.Done, open);
        }, cancellationToken);

    /// <summary>Closes the case with an outcome; the bot answers the customer's next message.</summary>
    public Task<DeskResult> ResolveAsync(Guid caseId, Guid agentId, string? outcome, CancellationToken cancellationToken) =>
        CloseAsync(caseId, agentId, HandoffStatus.Resolved, outcome, cancellationToken);

    /// <summary>Gives the conversation back to the bot without resolving it (so no satisfaction survey follows).</summary>
    public Task<DeskResult> HandBackAsync(Guid caseId, Guid agentId, CancellationToken cancellationToken) =>
        CloseAsync(caseId, agentId, HandoffStatus.HandedBack, null, cancellationToken);

    private Task<DeskResult> CloseAsync(Guid caseId, Guid agentId, HandoffStatus status, string? outcome, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, agentId, queueChanged: true, (db, open, agent, now) =>
        {
            if (!open.IsOpen)
            {
                return new DeskResult(DeskOutcome.NotAvailable, open);
            }

            if (!Holds(open, agent) && !(agent.Role == AgentRole.Supervisor))
            {
                return new DeskResult(DeskOutcome.NotYours, open);
            }

            open.Status = status;
            open.ClosedAt = now.UtcDateTime;
            open.Outcome = string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim();
            var resolved = status == HandoffStatus.Resolved;
            Note(db, open, agent, resolved ? HandoffNoteKind.Resolved : HandoffNoteKind.HandedBack,
                resolved ? $"{agent.DisplayName} resolved it{(open.Outcome is null ? "" : ": " + open.Outcome)}." : $"{agent.DisplayName} handed the conversation back to the bot.", now);
            Tell(db, open, resolved ? HandoffTexts.Resolved : HandoffTexts.HandedBack, now, ("agent", agent.DisplayName));
            Publish(db, open, agent, resolved ? HandoffEventTypes.Resolved : HandoffEventTypes.HandedBack, now);
            if (resolved && checkIns.Value.AfterHandoff)
            {
                // Asked by the check-in sweep, like every message the bot starts; a hand-back asks nothing.
                db.CheckIns.Add(new CheckIn
                {
                    Kind = CheckInKind.Handoff,
                    HandoffCaseId = open.Id,
                    CustomerId = open.CustomerId,
                    ConversationId = open.ConversationId,
                    DueAt = now.UtcDateTime,
                    CreatedAt = now.UtcDateTime,
                });
            }

            return new DeskResult(DeskOutcome.Done, open);
        }, cancellationToken);

    public Task SetPresenceAsync(Guid agentId, AgentPresence presence, CancellationToken cancellationToken) =>
        TouchAsync(agentId, presence, cancellationToken);

    /// <summary>The console is open: the agent counts as online while they are available.</summary>
    public Task HeartbeatAsync(Guid agentId, CancellationToken cancellationToken) => TouchAsync(agentId, null, cancellationToken);

    private async Task TouchAsync(Guid agentId, AgentPresence? presence, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await writer.WriteAsync((connection, transaction) =>
        {
            using var update = Sql.Command(connection, transaction,
                """UPDATE "Agents" SET "LastSeenAt" = @now, "Presence" = COALESCE(@presence, "Presence") WHERE "Id" = @id""",
                ("@now", now), ("@presence", presence is { } p ? (int)p : null), ("@id", agentId));
            return update.ExecuteNonQuery();
        }, cancellationToken);
        if (presence is not null)
        {
            signals.Raise(new HandoffChange(Guid.Empty, "", QueueChanged: true));
        }
    }

    private async Task<DeskResult> ChangeAsync(
        Guid caseId, Guid agentId, bool queueChanged, Func<ConciergeDb, HandoffCase, Agent, DateTimeOffset, DeskResult> change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var result = await writer.WriteAsync((connection, transaction) =>
        {
            using var db = dbs.Within(connection, transaction);
            var open = db.HandoffCases.FirstOrDefault(c => c.Id == caseId);
            var agent = db.Agents.AsNoTracking().FirstOrDefault(a => a.Id == agentId && !a.Disabled);
            if (open is null || agent is null)
            {
                return new DeskResult(DeskOutcome.NotFound, open, open is null ? "No such conversation." : "No such agent.");
            }

            var outcome = change(db, open, agent, now);
            if (outcome.Succeeded)
            {
                open.Version++;
                db.SaveChanges();
            }

            return outcome;
        }, cancellationToken);

        if (result is { Succeeded: true, Case: { } changed })
        {
            LogChanged(changed.Id, changed.ConversationId, HandoffStatusNames.Of(changed.Status), agentId);
            outbox.Wake();
            events.Wake();
            signals.Raise(new HandoffChange(changed.Id, changed.ConversationId, queueChanged));
        }

        return result;
    }

    private static bool Holds(HandoffCase open, Agent agent) => open.Status == HandoffStatus.Active && open.AgentId == agent.Id;

    private static int ActiveCount(ConciergeDb db, Guid agentId) =>
        db.HandoffCases.Count(c => c.AgentId == agentId && c.Status == HandoffStatus.Active);

    /// <summary>Agents speak from the bot's account on every channel (that is who the customer talks to); this marks who wrote.</summary>
    public static string AgentAccountId(Agent agent) => $"agent:{agent.UserName}";

    private static void Note(ConciergeDb db, HandoffCase open, Agent agent, HandoffNoteKind kind, string text, DateTimeOffset now) =>
        db.HandoffNotes.Add(new HandoffNote { CaseId = open.Id, AgentId = agent.Id, Kind = kind, Text = text, At = now.UtcDateTime });

    private void Tell(ConciergeDb db, HandoffCase open, TextKey key, DateTimeOffset now, params TextArg[] args) =>
        ProactiveMessages.Enqueue(db.Connection(), db.Transaction(), open.ConversationId, MessageFactory.Text(locales.Get(open.Language, key, args)), open.Language, now);

    private static void Publish(ConciergeDb db, HandoffCase open, Agent? agent, string type, DateTimeOffset now) =>
        db.BusinessEvents.Add(BusinessEvents.Create(type, HandoffEvent.Of(open, agent?.UserName), now));

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {CaseId} of conversation {ConversationId} is now {Status} (agent {AgentId})")]
    private partial void LogChanged(Guid caseId, string conversationId, string status, Guid agentId);
}
