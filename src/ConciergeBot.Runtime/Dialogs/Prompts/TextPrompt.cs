using System.Text.Json.Nodes;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs.Prompts;

/// <summary>Any non-empty text.</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override TextKey RetryText => RuntimeTexts.RetryGeneric;

    protected override Task<PromptRecognition<string>> RecognizeAsync(TurnContext turn, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text) ? PromptRecognition<string>.Failure() : PromptRecognition<string>.Success(text));
    }
}
