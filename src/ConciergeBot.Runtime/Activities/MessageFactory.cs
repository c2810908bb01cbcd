using System.Text.Json.Nodes;

namespace ConciergeBot.Activities;

/// <summary>What a dialog says, independent of channel: text, choices and cards.</summary>
public static class MessageFactory
{
    public static Activity Text(string text, string inputHint = InputHints.AcceptingInput) =>
        new() { Type = ActivityTypes.Message, Text = text, InputHint = inputHint };

    public static Activity Choices(string text, IEnumerable<Choice> choices) =>
        new()
        {
            Type = ActivityTypes.Message,
            Text = text,
            InputHint = InputHints.ExpectingInput,
            SuggestedActions = new SuggestedActions
            {
                Actions = [.. choices.Select(c => new CardAction
                {
                    Type = ActionTypes.ImBack,
                    Title = c.Title,
                    Value = JsonValue.Create(c.Title),
                })],
            },
        };
}

/// <summary>
/// One option offered to the customer; <see cref="Value"/> is what the dialog gets back. With a
/// <see cref="TitleKey"/> the title is looked up in the conversation's language each time it is shown.
/// </summary>
public sealed record Choice(string Value, string Title, IReadOnlyList<string>? Synonyms = null, string? TitleKey = null);
