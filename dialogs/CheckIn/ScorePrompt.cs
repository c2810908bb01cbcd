using System.Globalization;
using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Dialogs.Prompts;
using ConciergeBot.Language;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs.CheckIn;

/// <summary>A 1–5 rating: a tapped quick reply, or whatever the customer writes (words, emoji, stars) in either language.</summary>
public sealed class ScorePrompt(string id) : Prompt<int>(id)
{
    public static IReadOnlyList<Choice> Choices { get; } =
        [.. Enumerable.Range(1, 5).Select(i => new Choice(i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture)))];

    protected override TextKey RetryText => CheckInTexts.RetryScore;

    /// <summary>The score in the turn's message, or null when it holds none.</summary>
    public static int? Read(Activity activity) =>
        activity.Value is JsonValue value && value.TryGetValue<string>(out var tapped) && int.TryParse(tapped, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5
            ? score
            : SatisfactionRecognizer.Recognize(activity.Text);

    /// <summary>
    /// A score given on its own ("4", "⭐⭐⭐⭐⭐", "mantap 👍"), outside the question that asked for it:
    /// a longer message ("saya telat, mau ganti jadwal") is a new request, whatever words it shares with a rating.
    /// </summary>
    public static int? ReadBare(Activity activity) =>
        activity.Value is JsonValue || OpensWithARating(activity.Text) || (activity.Text ?? "").Split((char[])[' ', ',', '.', '!'], StringSplitOptions.RemoveEmptyEntries).Length <= BareWords
            ? Read(activity)
            : null;

    /// <summary>"2, still leaking" / "⭐⭐ the technician was late": a rating first, then what it is about.</summary>
    private static bool OpensWithARating(string? text) =>
        text?.TrimStart() is { Length: > 0 } t && (t[0] is >= '1' and <= '5' || t.StartsWith('⭐') || t.StartsWith('★'));

    private const int BareWords = 3;

    protected override Task<PromptRecognition<int>> RecognizeAsync(TurnContext turn, JsonObject state, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(Read(turn.Activity) is { } score ? PromptRecognition<int>.Success(score) : PromptRecognition<int>.Failure());

    protected override Activity Decorate(TurnContext turn, Activity question, PromptOptions options)
    {
        question.SuggestedActions = MessageFactory.Choices(question.Text ?? "", Choices).SuggestedActions;
        return question;
    }
}
