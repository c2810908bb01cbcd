using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Conversations;
using ConciergeBot.Language;
using ConciergeBot.Language.Time;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs.Prompts;

/// <summary>
/// A date, time or window, understood in the conversation's language on the business's calendar.
/// Several readings get a short "which one?" (not counted as a failed attempt); a time in the past
/// gets a polite refusal; nothing understood gets a retry with an example.
/// </summary>
public sealed class DateTimePrompt(string id, TimeRecognition recognition, PromptValidator<TimeReading>? validator = null)
    : Prompt<TimeReading>(id, validator)
{
    private const string PendingKey = "candidates";

    protected override TextKey RetryText => RuntimeTexts.RetryDateTime;

    protected override Task<PromptRecognition<TimeReading>> RecognizeAsync(TurnContext turn, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text ?? "";
        var pending = StateJson.FromNode<List<TimeReading>>(state[PendingKey]);
        state.Remove(PendingKey);
        if (pending is { Count: > 0 } && ChoiceRecognizer.Recognize(text, Labels(turn, pending)) is { } picked)
        {
            return Done(PromptRecognition<TimeReading>.Success(pending[picked.Index]));
        }

        var mention = recognition.Recognize(text, turn.Language, new TimeContext(turn.Now, turn.Business.TimeZone)).FirstOrDefault();
        if (mention is null)
        {
            return Done(PromptRecognition<TimeReading>.Failure());
        }

        var future = ((IEnumerable<TimeReading>)[mention.Reading, .. mention.Alternatives]).Where(r => r.End > turn.Now || r.Start > turn.Now).ToList();
        if (future.Count == 0)
        {
            return Done(PromptRecognition<TimeReading>.Failure(MessageFactory.Text(turn.Text(RuntimeTexts.DateTimeInPast), InputHints.ExpectingInput)));
        }

        if (future.Count == 1)
        {
            return Done(PromptRecognition<TimeReading>.Success(future[0]));
        }

        state[PendingKey] = StateJson.ToNode(future);
        var question = MessageFactory.Choices(turn.Text(RuntimeTexts.DateTimeWhichOne), Labels(turn, future));
        return Done(new PromptRecognition<TimeReading>(false, Reply: question, Clarifying: true));
    }

    private static List<Choice> Labels(TurnContext turn, List<TimeReading> readings) =>
        [.. readings.Select((r, i) => new Choice(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Describe(turn, r)))];

    /// <summary>"Wednesday 2 December, 15:00" or "Rabu 2 Desember, 15.00", in the business's time zone.</summary>
    public static string Describe(TurnContext turn, TimeReading reading)
    {
        var culture = Languages.Culture(turn.Language);
        var start = turn.Business.ToLocal(reading.Start);
        return reading.Grain switch
        {
            TimeGrain.Day => start.ToString("dddd d MMMM", culture),
            TimeGrain.Week or TimeGrain.Month => $"{start.ToString("d MMMM", culture)}–{turn.Business.ToLocal(reading.End).AddDays(-1).ToString("d MMMM", culture)}",
            _ when reading.IsWindow => $"{start.ToString("dddd d MMMM, HH:mm", culture)}–{turn.Business.ToLocal(reading.End).ToString("HH:mm", culture)}",
            _ => start.ToString("dddd d MMMM, HH:mm", culture),
        };
    }

    private static Task<PromptRecognition<TimeReading>> Done(PromptRecognition<TimeReading> result) => Task.FromResult(result);
}
