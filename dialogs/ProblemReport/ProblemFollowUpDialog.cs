using ConciergeBot.Activities;
using ConciergeBot.Dialogs.Prompts;
using ConciergeBot.Events;
using ConciergeBot.Pipeline;
using ConciergeBot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Dialogs.ProblemReport;

/// <summary>
/// After staff fixed something: tells the customer what was done about their ticket and asks whether
/// it is sorted now. "Yes" closes the loop; "no" reopens the ticket and hands it to a person.
/// </summary>
public sealed class ProblemFollowUpDialog : ComponentDialog
{
    public const string DialogId = "problem.followUp";
    private const string MainId = "problem.followUp.main";
    private const string ConfirmPromptId = "problem.followUp.confirm";

    public ProblemFollowUpDialog()
        : base(DialogId)
    {
        AddDialog(new WaterfallDialog(MainId, [TellAsync, AnswerAsync]));
        AddDialog(new ConfirmPrompt(ConfirmPromptId));
    }

    /// <summary>The follow-up's text, also for a conversation a person has (then without the question).</summary>
    /// <summary>The approved template (WhatsApp) a follow-up goes as outside the channel's free window: {{1}} the reference, {{2}} what was done.</summary>
    public const string FollowUpTemplate = "ticket_update";

    public static async Task<bool> TellAsync(TurnContext turn, string reference, CancellationToken cancellationToken)
    {
        var ticket = await turn.Db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Reference == reference, cancellationToken);
        if (ticket is null)
        {
            return false;
        }

        var told = ticket.CorrectiveAction is { } action
            ? MessageFactory.Text(turn.Text(ProblemTexts.FollowUp, ("reference", ticket.Reference), ("action", action)))
            : MessageFactory.Text(turn.Text(ProblemTexts.FollowUpResolved, ("reference", ticket.Reference)));

        // Days may have passed since the customer last wrote: a channel that then takes only templates sends this one.
        MessageTemplate.Numbered(FollowUpTemplate, turn.Language, [ticket.Reference, ticket.CorrectiveAction ?? ""]).ApplyTo(told);
        await turn.SendAsync(told);
        return true;
    }

    public static string? ReferenceOf(Activities.Activity activity) => activity.Value?["ticket"]?.GetValue<string>();

    private static async Task<DialogTurnResult> TellAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var reference = step.Options<string>();
        if (reference is null || !await TellAsync(step.Turn, reference, cancellationToken))
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        return await step.PromptAsync(ConfirmPromptId, PromptOptions.Asking(ProblemTexts.SortedNow), cancellationToken);
    }

    private static async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var reference = step.Options<string>()!;
        var ticket = await turn.Db.Tickets.FirstAsync(t => t.Reference == reference, cancellationToken);
        if ((bool)step.Result!)
        {
            TicketDesk.Record(turn.Db, ticket, "customer", TicketActionKind.Confirmed, "The customer says it is sorted.", turn.Now);
            await turn.SayAsync(ProblemTexts.Glad);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        ticket.Status = TicketStatus.Open;
        ticket.ResolvedAt = null;
        ticket.Reopened++;
        ticket.Escalated = true;
        ticket.UpdatedAt = turn.Now.UtcDateTime;
        TicketDesk.Record(turn.Db, ticket, "customer", TicketActionKind.Reopened, "The customer says it is not sorted.", turn.Now);
        turn.Db.BusinessEvents.Add(BusinessEvents.Create(TicketEventTypes.Reopened, TicketEvent.Of(ticket), turn.Now));
        await turn.SayAsync(ProblemTexts.Reopened, ("reference", ticket.Reference));
        turn.RequestEscalation(new Escalation(EscalationReasons.SeriousProblem, $"ticket {ticket.Reference} reopened: the fix did not sort it"));
        return await step.EndDialogAsync(null, cancellationToken);
    }
}
