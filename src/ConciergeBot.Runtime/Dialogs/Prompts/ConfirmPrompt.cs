using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Language;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs.Prompts;

/// <summary>Yes or no, offered as two buttons in the conversation's language.</summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    protected override TextKey RetryText => RuntimeTexts.RetryConfirm;

    protected override Task<PromptRecognition<bool>> RecognizeAsync(TurnContext turn, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var answer = ConfirmRecognizer.Recognize(turn.Activity.Text);
        if (answer is null && ChoiceRecognizer.Recognize(turn.Activity.Text, YesNo(turn)) is { } tapped)
        {
            answer = tapped.Index == 0;
        }

        return Task.FromResult(answer is { } yes ? PromptRecognition<bool>.Success(yes) : PromptRecognition<bool>.Failure());
    }

    protected override Activity Decorate(TurnContext turn, Activity question, PromptOptions options) =>
        ChoicePrompt.WithChoices(question, YesNo(turn));

    private static List<Choice> YesNo(TurnContext turn) =>
    [
        new("yes", turn.Text(RuntimeTexts.Yes)),
        new("no", turn.Text(RuntimeTexts.No)),
    ];
}
