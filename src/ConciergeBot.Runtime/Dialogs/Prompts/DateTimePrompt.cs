using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Conversations;
using ConciergeBot.Language;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs.Prompts;

/// <summary>
/// A date, time or window, understood by the <see cref="IDateTimeResolver"/> in the business's time
/// zone. Several readings get a short "which one?" (not counted as a failed attempt); a time in the
/// past gets a polite refusal; nothing understood gets a retry with an example.
/// </summary>
public sealed class DateTimePrompt(string id, IDateTimeResolver resolver, PromptValidator<DateTimeCandidate>? validator = null)
    : Prompt<DateTimeCandidate>(id, validator)
{
    private const string PendingKey = "candidates";

    protected override TextKey RetryText => RuntimeTexts.RetryDateTime;

    protected override Task<PromptRecognition<DateTimeCandidate>> RecognizeAsync(TurnContext turn, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text ?? "";
        var pending = StateJson.FromNode<List<DateTimeCandidate>>(state[PendingKey]);
        state.Remove(PendingKey);
        if (pending is { Count: > 0 } && ChoiceRecognizer.Recognize(text, Labels(turn, pending)) is { } picked)
        {
            return Done(PromptRecognition<DateTimeCandidate>.Success(pending[picked.Index]));
        }

        var recognized = resolver.Recognize(text, turn.Now, turn.Business.TimeZone, turn.Language);
        if (recognized.IsEmpty)
        {
            return Done(PromptRecognition<DateTimeCandidate>.Failure());
        }

        var future = recognized.Candidates.Where(c => c.Latest > turn.Now).ToList();
        if (future.Count == 0)
        {
            return Done(PromptRecognition<DateTimeCandidate>.Failure(MessageFactory.Text(turn.Text(RuntimeTexts.DateTimeInPast), InputHints.ExpectingInput)));
        }

        if (future.Count == 1)
        {
            return Done(PromptRecognition<DateTimeCandidate>.Success(future[0]));
        }

        state[PendingKey] = StateJson.ToNode(future);
        var question = MessageFactory.Choices(turn.Text(RuntimeTexts.DateTimeWhichOne), Labels(turn, future));
        return Done(new PromptRecognition<DateTimeCandidate>(false, Reply: question, Clarifying: true));
    }

    private static List<Choice> Labels(TurnContext turn, List<DateTimeCandidate> candidates) =>
        [.. candidates.Select((c, i) => new Choice(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Describe(turn, c)))];

    /// <summary>"Wednesday 2 December, 15:00" or "Rabu 2 Desember, 15.00", in the business's time zone.</summary>
    public static string Describe(TurnContext turn, DateTimeCandidate candidate)
    {
        var culture = Languages.Culture(turn.Language);
        var start = turn.Business.ToLocal(candidate.Start);
        if (candidate.End is { } end && (end - candidate.Start).TotalHours >= 23)
        {
            return start.ToString("dddd d MMMM", culture);
        }

        var text = start.ToString("dddd d MMMM, HH:mm", culture);
        return candidate.End is { } until ? $"{text}–{turn.Business.ToLocal(until).ToString("HH:mm", culture)}" : text;
    }

    private static Task<PromptRecognition<DateTimeCandidate>> Done(PromptRecognition<DateTimeCandidate> result) => Task.FromResult(result);
}
