using ConciergeBot.Activities;
using ConciergeBot.Language;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Dialogs;

/// <summary>
/// Runs a conversation's dialog stack for each turn: a stale conversation starts fresh, the
/// language follows the customer, a message goes to the active dialog, and with nothing active
/// the root dialog begins.
/// </summary>
public sealed partial class DialogBot(DialogSet dialogs, string rootDialogId, IOptions<PipelineOptions> options, ILogger<DialogBot> logger) : ITurnHandler
{
    /// <summary>An event whose value ("en", "id-ID") fixes the conversation's language without a reply.</summary>
    public const string SetLanguageEvent = "setLanguage";

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.ConversationUpdate))
        {
            return;
        }

        var stack = turn.State.DialogStack;
        var withPerson = turn.State.Handoff is not null;
        var botAsked = turn.State.KeepUntil > turn.Now;
        if (!withPerson && !botAsked && turn.PreviousActivityAt is { } previous && turn.Now - previous > options.Value.ConversationIdleTimeout && stack.Count > 0)
        {
            stack.Clear();
            turn.State.Memory.Clear();
        }

        if (activity is { Type: ActivityTypes.Event, Name: SetLanguageEvent })
        {
            // A channel that knows the customer's choice (a language picker, a command-line flag) says so up front.
            if (Languages.FromLocale(activity.Value?.GetValue<string>()) is { } chosen)
            {
                turn.Language = chosen;
                turn.State.LanguageSettled = true;
            }

            return;
        }

        var dc = new DialogContext(dialogs, turn, stack);
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            // The customer opened the chat (a web page says so; its locale chose the language of the
            // first turn): the root dialog greets, unless something is already under way.
            if (stack.Count == 0)
            {
                await dc.BeginDialogAsync(rootDialogId, null, cancellationToken);
            }

            return;
        }

        // While a person has the conversation the bot says nothing of its own, not even about language.
        if (activity.IsMessage && !withPerson && await SwitchLanguageAsync(turn, dc, cancellationToken))
        {
            return;
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (turn.StackWasReset)
        {
            LogStackReset(turn.ConversationId);
            stack.Clear();
            await turn.SayAsync(RuntimeTexts.DialogRestarted);
        }

        if (result.Status == DialogTurnStatus.Empty || turn.StackWasReset)
        {
            await dc.BeginDialogAsync(rootDialogId, null, cancellationToken);
        }

        if (turn.Escalation is { } unhandled)
        {
            LogUnhandledEscalation(turn.ConversationId, unhandled.Reason);
        }

        if (stack.Count == 0 || turn.State.KeepUntil <= turn.Now)
        {
            turn.State.KeepUntil = null;
        }
    }

    private static async Task<bool> SwitchLanguageAsync(TurnContext turn, DialogContext dc, CancellationToken cancellationToken)
    {
        if (LanguageSwitch.Requested(turn.Activity.Text) is { } requested)
        {
            turn.Language = requested;
            turn.State.LanguageSettled = true;
            await turn.SayAsync(RuntimeTexts.LanguageSwitched);
            if (dc.ActiveDialog is null)
            {
                return false;
            }

            await dc.RepromptDialogAsync(cancellationToken);
            return true;
        }

        if (!turn.State.LanguageSettled && LanguageDetector.Detect(turn.Activity.Text) is { } detected)
        {
            turn.Language = detected;
            turn.State.LanguageSettled = true;
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The saved dialogs of conversation {ConversationId} no longer match this build; starting again")]
    private partial void LogStackReset(string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation '{Reason}' in conversation {ConversationId} was not handled by the root dialog")]
    private partial void LogUnhandledEscalation(string conversationId, string reason);
}
