using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs;

/// <summary>What a prompt asks, what it says when the answer does not fit, and how often it may ask.</summary>
public sealed class PromptOptions
{
    public Activity? Prompt { get; set; }

    /// <summary>The question as a locale text, worded in the conversation's language whenever it is asked (after a switch of language too).</summary>
    public string? PromptKey { get; set; }

    public string? RetryKey { get; set; }

    public Dictionary<string, string>? Args { get; set; }

    public Activity? RetryPrompt { get; set; }

    public List<Choice>? Choices { get; set; }

    /// <summary>After this many answers that do not fit, the conversation goes to a person.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>What the answer is (see <see cref="ExpectedInput"/>), for channels that can offer a better way to give it.</summary>
    public string? Expects { get; set; }

    /// <summary>Free data for a validator (e.g. a minimum or maximum).</summary>
    public JsonNode? Validation { get; set; }

    public static PromptOptions Asking(TextKey question, IEnumerable<Choice>? choices = null, TextKey? retry = null, params TextArg[] args) => new()
    {
        PromptKey = question.Name,
        RetryKey = retry?.Name,
        Args = args.Length == 0 ? null : args.ToDictionary(a => a.Name, a => a.Value),
        Choices = choices?.ToList(),
    };

    public static PromptOptions Asking(string text, IEnumerable<Choice>? choices = null, string? retry = null) => new()
    {
        Prompt = MessageFactory.Text(text, InputHints.ExpectingInput),
        RetryPrompt = retry is null ? null : MessageFactory.Text(retry, InputHints.ExpectingInput),
        Choices = choices?.ToList(),
    };
}

internal static class PromptOptionsWording
{
    /// <summary>The question to ask now, in the conversation's current language.</summary>
    public static Activity Question(this PromptOptions options, TurnContext turn, bool retry)
    {
        var question = Worded(options, turn, retry);
        return options.Expects is { } what ? question.Expecting(what) : question;
    }

    private static Activity Worded(PromptOptions options, TurnContext turn, bool retry)
    {
        var args = options.Args?.Select(a => new TextArg(a.Key, a.Value)).ToArray() ?? [];
        if (retry && options.RetryKey is { } retryKey)
        {
            return MessageFactory.Text(turn.Text(new TextKey(retryKey), args), InputHints.ExpectingInput);
        }

        if (retry && options.RetryPrompt is { } retryPrompt)
        {
            return retryPrompt;
        }

        if (options.PromptKey is { } key)
        {
            return MessageFactory.Text(turn.Text(new TextKey(key), args), InputHints.ExpectingInput);
        }

        return options.Prompt ?? MessageFactory.Text("", InputHints.ExpectingInput);
    }

    /// <summary>The choices with their titles in the conversation's current language.</summary>
    public static List<Choice> LocalizedChoices(this PromptOptions options, TurnContext turn) =>
        [.. (options.Choices ?? []).Select(c => c.TitleKey is { } key ? c with { Title = turn.Text(new TextKey(key)) } : c)];
}
