using ConciergeBot.Events;
using ConciergeBot.Handoff;
using ConciergeBot.Language;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Dialogs.Handoff;

/// <summary>
/// A person takes over. The case goes into the queue with the turn (so it exists exactly when the
/// customer is told it does), and the customer hears, in one message, that a person will reply, their
/// place and an honest wait, or when the team is back. Until the case closes the bot answers nothing
/// of its own: messages are for the agent; "still waiting?" gets the current place; "never mind" while
/// waiting returns to the bot. Once an agent resolves or hands back, the next message is the bot's again.
/// </summary>
public sealed partial class HandoffDialog(HandoffQueue queue, IOptions<HandoffOptions> handoffOptions, LocaleCatalog locales, ILogger<HandoffDialog> logger) : Dialog(DialogId)
{
    public const string DialogId = "handoff";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var request = options as HandoffRequest ?? new HandoffRequest(EscalationReasons.CustomerAsked);
        if (await OpenCaseAsync(turn, cancellationToken) is { } open)
        {
            // Already with a person (the dialogs were restarted under it, or asked twice): say where they stand.
            if (open.Status == HandoffStatus.Waiting && turn.Activity.IsMessage)
            {
                await turn.SendAsync(Activities.MessageFactory.Text(turn.Text(DialogTexts.HandoffPending) + " " + await StandingAsync(turn, open, cancellationToken)));
            }

            return DialogTurnResult.EndOfTurn;
        }

        var now = turn.Now.UtcDateTime;
        var (summary, name) = await HandoffSummary.BuildAsync(turn, request, cancellationToken);
        var rules = handoffOptions.Value;
        var created = new HandoffCase
        {
            ConversationId = turn.ConversationId,
            Channel = turn.Channel,
            CustomerId = turn.CustomerId,
            CustomerName = name,
            Language = turn.Language,
            Reason = request.Reason,
            Priority = rules.PriorityFor(request.Reason),
            Team = rules.TeamFor(request.Reason, turn.Language),
            Summary = summary,
            RequestedAt = now,
            QueuedAt = now,
        };
        var standing = await queue.StandingAsync(turn.Db, created.Team, created.Priority, created.QueuedAt, created.Id, cancellationToken);
        created.PositionTold = standing.Ahead;
        created.PositionToldAt = now;
        turn.Db.HandoffCases.Add(created);
        turn.Db.BusinessEvents.Add(BusinessEvents.Create(HandoffEventTypes.Requested, HandoffEvent.Of(created, null), turn.Now));
        turn.State.Handoff = created.Id;
        LogRequested(turn.ConversationId, created.Id, request.Reason, created.Team, created.Priority);

        var intro = request switch
        {
            { Reason: EscalationReasons.RepromptsExhausted } => DialogTexts.HandoffAfterRetries,
            { Reason: EscalationReasons.SeriousProblem } => DialogTexts.HandoffSerious,
            _ => DialogTexts.HandoffCustomerAsked,
        };
        await turn.SendAsync(Activities.MessageFactory.Text(turn.Text(intro, ("business", turn.Business.Name)) + " " + QueueWording.Describe(standing, turn.Language, locales, turn.Business)));
        return DialogTurnResult.EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var open = await OpenCaseAsync(turn, cancellationToken);
        if (open is null)
        {
            // An agent resolved it or handed it back: this message is the bot's to answer.
            turn.State.Handoff = null;
            return await dc.EndDialogAsync(new HandoffEnded(AnswerThisMessage: true), cancellationToken);
        }

        if (open.Status != HandoffStatus.Waiting || !turn.Activity.IsMessage)
        {
            return DialogTurnResult.EndOfTurn;
        }

        switch (HandoffPhrases.Recognize(turn.Activity.Text))
        {
            case WhileWaiting.Withdraw:
                var now = turn.Now.UtcDateTime;
                open.Status = HandoffStatus.Withdrawn;
                open.ClosedAt = now;
                open.Version++;
                turn.Db.HandoffNotes.Add(new HandoffNote { CaseId = open.Id, Kind = HandoffNoteKind.Withdrawn, Text = "The customer no longer needs a person.", At = now });
                turn.Db.BusinessEvents.Add(BusinessEvents.Create(HandoffEventTypes.Withdrawn, HandoffEvent.Of(open, null), turn.Now));
                turn.State.Handoff = null;
                LogWithdrawn(turn.ConversationId, open.Id);
                await turn.SayAsync(DialogTexts.HandoffWithdrawn);
                return await dc.EndDialogAsync(new HandoffEnded(AnswerThisMessage: false), cancellationToken);
            case WhileWaiting.AskingForUpdate:
                await turn.SendAsync(Activities.MessageFactory.Text(await StandingAsync(turn, open, cancellationToken)));
                return DialogTurnResult.EndOfTurn;
            default:
                // For the agent: it is in the conversation already, and the bot keeps out of it.
                return DialogTurnResult.EndOfTurn;
        }
    }

    public override Task RepromptAsync(TurnContext turn, DialogInstance instance, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<string> StandingAsync(TurnContext turn, HandoffCase open, CancellationToken cancellationToken)
    {
        var standing = await queue.StandingAsync(turn.Db, open.Team, open.Priority, open.QueuedAt, open.Id, cancellationToken);
        return QueueWording.Describe(standing, turn.Language, locales, turn.Business);
    }

    private static async Task<HandoffCase?> OpenCaseAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.State.Handoff is not { } id)
        {
            return null;
        }

        var open = await turn.Db.HandoffCases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return open is { IsOpen: true } ? open : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} handed to a person: case {CaseId} ({Reason}, team {Team}, priority {Priority})")]
    private partial void LogRequested(string conversationId, Guid caseId, string reason, string team, int priority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} withdrew handoff case {CaseId}")]
    private partial void LogWithdrawn(string conversationId, Guid caseId);
}
