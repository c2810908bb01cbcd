using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Conversations;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs.Prompts;

public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> context, CancellationToken cancellationToken);

public sealed record PromptValidatorContext<T>(TurnContext Turn, PromptRecognition<T> Recognized, PromptOptions Options, int Attempts);

/// <summary>
/// What a prompt made of an answer. <see cref="Reply"/> replaces the standard retry with a
/// specific one; a <see cref="Clarifying"/> question does not count as a failed attempt.
/// </summary>
public sealed record PromptRecognition<T>(bool Succeeded, T? Value = default, Activity? Reply = null, bool Clarifying = false)
{
    public static PromptRecognition<T> Success(T value) => new(true, value);

    public static PromptRecognition<T> Failure(Activity? reply = null) => new(false, default, reply);
}

/// <summary>
/// Asks a question and waits for an answer of type <typeparamref name="T"/>; re-asks when the answer
/// does not fit, and after the maximum attempts asks for a person to take over.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id)
{
    public const int DefaultMaxAttempts = 3;
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";

    /// <summary>The generic "that did not fit" sentence said before the question is asked again.</summary>
    protected abstract TextKey RetryText { get; }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var prompt = options as PromptOptions ?? throw new ArgumentException($"The prompt '{Id}' needs {nameof(PromptOptions)}.", nameof(options));
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = StateJson.ToNode(prompt);
        state[AttemptsKey] = 0;
        await OnPromptAsync(dc.Turn, state, prompt, isRetry: false, cancellationToken);
        return DialogTurnResult.EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!dc.Turn.Activity.IsMessage)
        {
            return DialogTurnResult.EndOfTurn;
        }

        var state = dc.ActiveDialog!.State;
        var options = ReadOptions(state);
        var recognized = await RecognizeAsync(dc.Turn, state, options, cancellationToken);
        if (recognized.Clarifying)
        {
            await dc.Turn.SendAsync(recognized.Reply!);
            return DialogTurnResult.EndOfTurn;
        }

        var attempts = (state[AttemptsKey]?.GetValue<int>() ?? 0) + 1;
        state[AttemptsKey] = attempts;
        var sentBefore = dc.Turn.Outgoing.Count;
        // As in Bot Framework, a validator sees every answer, so it may also accept one the prompt could not read.
        var valid = validator is null
            ? recognized.Succeeded
            : await validator(new PromptValidatorContext<T>(dc.Turn, recognized, options, attempts), cancellationToken);
        if (valid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }

        if (attempts >= (options.MaxAttempts ?? DefaultMaxAttempts))
        {
            dc.Turn.RequestEscalation(new Escalation(EscalationReasons.RepromptsExhausted, Id));
            return DialogTurnResult.EndOfTurn;
        }

        if (recognized.Reply is not null)
        {
            await dc.Turn.SendAsync(recognized.Reply);
        }
        else if (dc.Turn.Outgoing.Count == sentBefore)
        {
            // A validator that explained the problem itself replaces the standard retry.
            await OnPromptAsync(dc.Turn, state, options, isRetry: true, cancellationToken);
        }

        return DialogTurnResult.EndOfTurn;
    }

    public override Task RepromptAsync(TurnContext turn, DialogInstance instance, CancellationToken cancellationToken) =>
        OnPromptAsync(turn, instance.State, ReadOptions(instance.State), isRetry: false, cancellationToken);

    protected abstract Task<PromptRecognition<T>> RecognizeAsync(TurnContext turn, JsonObject state, PromptOptions options, CancellationToken cancellationToken);

    protected virtual async Task OnPromptAsync(TurnContext turn, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var question = options.Question(turn, isRetry);
        if (isRetry && options.RetryKey is null && options.RetryPrompt is null)
        {
            question.Text = $"{turn.Text(RetryText)} {question.Text}".Trim();
        }

        await turn.SendAsync(Decorate(turn, question, options));
    }

    /// <summary>Adds what the customer can tap (choices) to the question; the channel decides how it looks.</summary>
    protected virtual Activity Decorate(TurnContext turn, Activity question, PromptOptions options) => question;

    private static PromptOptions ReadOptions(JsonObject state) =>
        StateJson.FromNode<PromptOptions>(state[OptionsKey]) ?? new PromptOptions();
}
