using ConciergeBot.CheckIns;
using ConciergeBot.Dialogs.CheckIn;
using ConciergeBot.Dialogs.Handoff;
using ConciergeBot.Dialogs.ProblemReport;
using ConciergeBot.Dialogs.Prompts;
using ConciergeBot.Dialogs.Reschedule;
using ConciergeBot.Language;
using ConciergeBot.Language.Intents;
using ConciergeBot.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Dialogs.Root;

/// <summary>
/// The bottom of every conversation. It greets and offers the menu, routes what the customer
/// picks, and looks at every message first: "cancel"/"batal" stops what is running, "help"/"bantuan"
/// explains and asks the pending question again, asking for a person goes to a person at any step,
/// and a dialog that gave up (too many answers that did not fit) hands over to a person too.
/// It starts what the bot begins itself (a check-in, a reminder) when their event arrives, and hears
/// STOP / berhenti (no more of those) and START / mulai at any time.
/// </summary>
public sealed class RootDialog : ComponentDialog
{
    public const string DialogId = "root";
    private const string MenuId = "root.menu";
    private const string MenuPromptId = "root.menuPrompt";
    private const string GreetedKey = "greeted";
    private const string AngryKey = "angryMessages";

    /// <summary>After this many angry messages a person takes over.</summary>
    private const int AngryMessagesBeforeAPerson = 2;

    /// <summary>How long a question the bot started itself (a check-in, a reminder, a follow-up) survives the conversation's idle timeout.</summary>
    private static readonly TimeSpan BotQuestionsStayOpen = TimeSpan.FromDays(2);

    private readonly IntentModel _intents;

    public RootDialog(
        HandoffDialog handoff, RescheduleDialog reschedule, ProblemReportDialog problem, ProblemFollowUpDialog followUp, CheckInDialog checkIn, ReminderDialog reminder, IntentModel intents)
        : base(DialogId)
    {
        _intents = intents;
        AddDialog(new WaterfallDialog(MenuId, [GreetAndOfferMenuAsync, RouteChoiceAsync]));
        AddDialog(new ChoicePrompt(MenuPromptId));
        AddDialog(handoff);
        AddDialog(reschedule);
        AddDialog(problem);
        AddDialog(followUp);
        AddDialog(checkIn);
        AddDialog(reminder);
    }

    /// <summary>A new request: the intent model decides where it goes; unsure, the menu asks.</summary>
    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext inner, object? options, CancellationToken cancellationToken)
    {
        var turn = inner.Turn;
        if (turn.State.Handoff is not null)
        {
            // The dialogs restarted under an open handoff: the person still has the conversation.
            return await HandOffAsync(inner, new HandoffRequest(EscalationReasons.CustomerAsked), cancellationToken);
        }

        if (FollowUpOf(turn) is { } ticket)
        {
            turn.State.KeepUntil = turn.Now + BotQuestionsStayOpen;
            return await EscalateIfAskedAsync(inner, await inner.BeginDialogAsync(ProblemFollowUpDialog.DialogId, ticket, cancellationToken), cancellationToken);
        }

        if (CheckInEvents.Of(turn.Activity) is { } checkIn)
        {
            turn.State.KeepUntil = turn.Now + BotQuestionsStayOpen;
            var dialog = turn.Activity.Value?["kind"]?.GetValue<string>() == nameof(CheckInKind.Reminder) ? ReminderDialog.DialogId : CheckInDialog.DialogId;
            return await inner.BeginDialogAsync(dialog, new CheckInStart(checkIn), cancellationToken);
        }

        if (OptOutRecognizer.Recognize(turn.Activity.Text) is { } subscription && turn.Activity.IsMessage)
        {
            return await ChangeSubscriptionAsync(turn, subscription, cancellationToken);
        }

        // A bare score, after the check-in's own question was closed, still answers the check-in that asked for it.
        if (turn.Activity.IsMessage && ScorePrompt.ReadBare(turn.Activity) is not null && await CheckInDialog.WaitingAsync(turn, cancellationToken) is { } waiting)
        {
            return await EscalateIfAskedAsync(inner, await inner.BeginDialogAsync(CheckInDialog.DialogId, new CheckInStart(waiting, Answering: true), cancellationToken), cancellationToken);
        }

        if (TooAngry(turn))
        {
            return await HandOffAsync(inner, new HandoffRequest(EscalationReasons.Anger), cancellationToken);
        }

        var intent = turn.Activity.IsMessage ? _intents.Classifier.Classify(turn.Activity.Text).Intent : IntentNames.None;
        switch (intent)
        {
            case IntentNames.TalkToAgent:
                return await HandOffAsync(inner, new HandoffRequest(EscalationReasons.CustomerAsked), cancellationToken);
            case IntentNames.Reschedule:
                return await EscalateIfAskedAsync(inner, await inner.BeginDialogAsync(RescheduleDialog.DialogId, new RescheduleOptions(turn.Activity.Text), cancellationToken), cancellationToken);
            case IntentNames.ReportProblem:
                return await EscalateIfAskedAsync(inner, await inner.BeginDialogAsync(ProblemReportDialog.DialogId, new ProblemOptions(turn.Activity.Text), cancellationToken), cancellationToken);
            case IntentNames.Cancel:
                await turn.SayAsync(DialogTexts.NothingToCancel);
                return new DialogTurnResult(DialogTurnStatus.Complete);
            case IntentNames.Goodbye:
                await turn.SayAsync(DialogTexts.Goodbye, ("business", turn.Business.Name));
                return new DialogTurnResult(DialogTurnStatus.Complete);
            case IntentNames.Help:
                await turn.SayAsync(DialogTexts.Help);
                break;
        }

        return await inner.BeginDialogAsync(MenuId, null, cancellationToken);
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext inner, CancellationToken cancellationToken)
    {
        var turn = inner.Turn;
        if (FollowUpOf(turn) is { } followUp)
        {
            if (inner.ActiveDialog?.Id == HandoffDialog.DialogId)
            {
                // A person has the conversation: the customer hears what staff did, without the bot asking anything.
                await ProblemFollowUpDialog.TellAsync(turn, followUp, cancellationToken);
                return DialogTurnResult.EndOfTurn;
            }

            turn.State.KeepUntil = turn.Now + BotQuestionsStayOpen;
            return await EscalateIfAskedAsync(inner, await inner.BeginDialogAsync(ProblemFollowUpDialog.DialogId, followUp, cancellationToken), cancellationToken);
        }

        if (inner.ActiveDialog?.Id == HandoffDialog.DialogId)
        {
            // A person has the conversation: nothing here speaks for the bot until it ends.
            var withPerson = await inner.ContinueDialogAsync(cancellationToken);
            return withPerson is { Status: DialogTurnStatus.Complete, Result: HandoffEnded { AnswerThisMessage: true } }
                ? await OnBeginDialogAsync(inner, null, cancellationToken)
                : withPerson;
        }

        if (CheckInEvents.Of(turn.Activity) is not null)
        {
            // The starter waited until the conversation was quiet: what is still on the stack is stale.
            await inner.CancelAllDialogsAsync(cancellationToken);
            return await OnBeginDialogAsync(inner, null, cancellationToken);
        }

        if (turn.Activity.IsMessage && OptOutRecognizer.Recognize(turn.Activity.Text) is { } subscription)
        {
            await inner.CancelAllDialogsAsync(cancellationToken);
            return await ChangeSubscriptionAsync(turn, subscription, cancellationToken);
        }

        if (TooAngry(turn))
        {
            await inner.CancelAllDialogsAsync(cancellationToken);
            return await HandOffAsync(inner, new HandoffRequest(EscalationReasons.Anger), cancellationToken);
        }

        if (turn.Activity.IsMessage)
        {
            switch (IntentRecognizer.Recognize(turn.Activity.Text))
            {
                case Intent.Cancel:
                    await turn.SayAsync(inner.ActiveDialog is null ? DialogTexts.NothingToCancel : DialogTexts.Cancelled);
                    return await inner.CancelAllDialogsAsync(cancellationToken);
                case Intent.Help:
                    await turn.SayAsync(DialogTexts.Help);
                    await inner.RepromptDialogAsync(cancellationToken);
                    return DialogTurnResult.EndOfTurn;
                // A reminder offers "talk to a person" itself, and records that it was the answer.
                case Intent.Human when inner.ActiveDialog?.Id != ReminderDialog.DialogId:
                    await inner.CancelAllDialogsAsync(cancellationToken);
                    return await HandOffAsync(inner, new HandoffRequest(EscalationReasons.CustomerAsked), cancellationToken);
                case Intent.Greeting:
                    // "hi" in the middle of a question is not a wrong answer: ask the question again.
                    await inner.RepromptDialogAsync(cancellationToken);
                    return DialogTurnResult.EndOfTurn;
            }
        }

        if (await IsANewRequestAsync(inner, cancellationToken))
        {
            // "the technician never came" answers "What can I help you with?"; "saya telat, mau ganti
            // jadwal" to "how was everything?" is a request, not a score of 2.
            await inner.CancelAllDialogsAsync(cancellationToken);
            return await OnBeginDialogAsync(inner, null, cancellationToken);
        }

        var result = await inner.ContinueDialogAsync(cancellationToken);
        return result is { Status: DialogTurnStatus.Complete, Result: ProactiveEnded }
            ? await OnBeginDialogAsync(inner, null, cancellationToken)
            : await EscalateIfAskedAsync(inner, result, cancellationToken);
    }

    /// <summary>STOP / berhenti: no reminders or check-ins any more; START / mulai: again. Kept on the customer, across channels.</summary>
    private static async Task<DialogTurnResult> ChangeSubscriptionAsync(TurnContext turn, Subscription subscription, CancellationToken cancellationToken)
    {
        if (turn.CustomerId is { } id && await turn.Db.Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } customer)
        {
            customer.OptedOutAt = subscription == Subscription.OptOut ? customer.OptedOutAt ?? turn.Now.UtcDateTime : null;
        }

        await turn.SayAsync(subscription == Subscription.OptOut ? CheckInTexts.OptedOut : CheckInTexts.OptedIn);
        return new DialogTurnResult(DialogTurnStatus.Complete);
    }

    private async Task<bool> IsANewRequestAsync(DialogContext inner, CancellationToken cancellationToken)
    {
        var activity = inner.Turn.Activity;
        var answersItsQuestion = inner.ActiveDialog?.Id switch
        {
            MenuPromptId => ChoiceRecognizer.Recognize(activity.Text, MainMenu.Choices) is not null,

            // Only while the score is still asked for: after a poor one the problem report inside takes free text.
            CheckInDialog.DialogId => ScorePrompt.ReadBare(activity) is not null || await CheckInDialog.WaitingAsync(inner.Turn, cancellationToken) is null,
            _ => true,
        };
        return !answersItsQuestion
            && activity.IsMessage
            && _intents.Classifier.Classify(activity.Text).Intent is IntentNames.Reschedule or IntentNames.ReportProblem or IntentNames.TalkToAgent;
    }

    /// <summary>A dialog that decided a person must take over (it gave up, or the customer chose a person) hands over here.</summary>
    private static async Task<DialogTurnResult> EscalateIfAskedAsync(DialogContext inner, DialogTurnResult result, CancellationToken cancellationToken)
    {
        if (inner.Turn.TakeEscalation() is not { } escalation)
        {
            return result;
        }

        await inner.CancelAllDialogsAsync(cancellationToken);
        return await HandOffAsync(inner, new HandoffRequest(escalation.Reason, Detail: escalation.Detail), cancellationToken);
    }

    private static Task<DialogTurnResult> HandOffAsync(DialogContext inner, HandoffRequest request, CancellationToken cancellationToken) =>
        inner.BeginDialogAsync(HandoffDialog.DialogId, request, cancellationToken);

    private static string? FollowUpOf(TurnContext turn) =>
        turn.Activity is { Type: Activities.ActivityTypes.Event, Name: Tickets.TicketDesk.FollowUpEvent } ? ProblemFollowUpDialog.ReferenceOf(turn.Activity) : null;

    /// <summary>Counts angry messages in the conversation; true when a person should take over.</summary>
    private static bool TooAngry(TurnContext turn)
    {
        if (!turn.Activity.IsMessage || !AngerRecognizer.IsAngry(turn.Activity.Text))
        {
            return false;
        }

        var count = (turn.State.Memory[AngryKey]?.GetValue<int>() ?? 0) + 1;
        turn.State.Memory[AngryKey] = count;
        return count >= AngryMessagesBeforeAPerson;
    }

    private static async Task<DialogTurnResult> GreetAndOfferMenuAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        if (turn.State.Memory[GreetedKey] is not null && IntentRecognizer.Recognize(turn.Activity.Text) != Intent.Greeting)
        {
            // Already introduced in this conversation: no second welcome speech.
            return await step.PromptAsync(MenuPromptId, PromptOptions.Asking(DialogTexts.AnythingElse, MainMenu.Choices), cancellationToken);
        }

        turn.State.Memory[GreetedKey] = true;
        // A channel's profile name (WhatsApp, Telegram) greets a customer we do not know yet.
        var from = turn.Activity.From;
        var name = await CustomerNames.FirstNameAsync(turn, turn.CustomerId, cancellationToken)
            ?? (from?.Name is { } profile && profile != from.Id ? CustomerNames.First(profile) : null);
        var greeting = name is null
            ? turn.Text(DialogTexts.Greeting, ("business", turn.Business.Name))
            : turn.Text(DialogTexts.GreetingKnownCustomer, ("name", name), ("business", turn.Business.Name));
        await turn.SendAsync(Activities.MessageFactory.Text(greeting));
        return await step.PromptAsync(MenuPromptId, PromptOptions.Asking(DialogTexts.MenuQuestion, MainMenu.Choices), cancellationToken);
    }

    private static async Task<DialogTurnResult> RouteChoiceAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var choice = (FoundChoice)step.Result!;
        if (choice.Value == MainMenu.Reschedule)
        {
            return await step.ReplaceDialogAsync(RescheduleDialog.DialogId, new RescheduleOptions(), cancellationToken);
        }

        if (choice.Value == MainMenu.ReportProblem)
        {
            // "the technician never came" answers the menu and already says what happened.
            return await step.ReplaceDialogAsync(ProblemReportDialog.DialogId, new ProblemOptions(step.Turn.Activity.Text), cancellationToken);
        }

        return await step.ReplaceDialogAsync(HandoffDialog.DialogId, new HandoffRequest(EscalationReasons.CustomerAsked), cancellationToken);
    }
}
