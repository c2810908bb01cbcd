using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs.Prompts;

/// <summary>Any non-empty text; choices, when given, are offered as shortcuts (e.g. "Skip").</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override TextKey RetryText => RuntimeTexts.RetryGeneric;

    protected override Task<PromptRecognition<string>> RecognizeAsync(TurnContext turn, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text) ? PromptRecognition<string>.Failure() : PromptRecognition<string>.Success(text));
    }

    protected override Activity Decorate(TurnContext turn, Activity question, PromptOptions options) =>
        options.Choices is { Count: > 0 } ? ChoicePrompt.WithChoices(question, options.LocalizedChoices(turn)) : question;
}
