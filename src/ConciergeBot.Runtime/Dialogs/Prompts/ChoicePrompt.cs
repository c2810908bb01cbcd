using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Language;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs.Prompts;

/// <summary>One of the offered choices, by tap, number, title or synonym.</summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    protected override TextKey RetryText => RuntimeTexts.RetryChoice;

    protected override Task<PromptRecognition<FoundChoice>> RecognizeAsync(TurnContext turn, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var choices = options.LocalizedChoices(turn);
        var answer = turn.Activity.Value is JsonValue value && value.TryGetValue<string>(out var tapped) ? tapped : turn.Activity.Text;
        var found = ChoiceRecognizer.Recognize(answer, choices) ?? ChoiceRecognizer.Recognize(turn.Activity.Text, choices);
        return Task.FromResult(found is null ? PromptRecognition<FoundChoice>.Failure() : PromptRecognition<FoundChoice>.Success(found));
    }

    protected override Activity Decorate(TurnContext turn, Activity question, PromptOptions options) =>
        WithChoices(question, options.LocalizedChoices(turn));

    internal static Activity WithChoices(Activity question, IEnumerable<Choice> choices)
    {
        var decorated = MessageFactory.Choices(question.Text ?? "", choices);
        question.SuggestedActions = decorated.SuggestedActions;
        question.InputHint = InputHints.ExpectingInput;
        return question;
    }
}
