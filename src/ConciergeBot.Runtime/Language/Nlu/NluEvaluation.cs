using System.Globalization;
using System.Text.Json;
using ConciergeBot.Language.Intents;
using ConciergeBot.Language.Time;

namespace ConciergeBot.Language.Nlu;

/// <summary>Scores recognizers and the intent model against development lines, with a readable reason per failure.</summary>
public static class NluEvaluation
{
    public sealed record Report(string Kind, string Language, int Correct, int Total, IReadOnlyList<string> Failures)
    {
        public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;
    }

    private sealed record DateLine(string Text, DateTimeOffset Reference, string? TimeZone, List<ExpectedTime> Times);

    private sealed record ExpectedTime(DateTimeOffset Start, DateTimeOffset End, TimeGrain Grain, List<ExpectedTime>? Alternatives);

    private sealed record IntentLine(string Text, string Intent);

    public static Report Dates(string language, IEnumerable<string> lines, TimeRecognition recognition)
    {
        var failures = new List<string>();
        var total = 0;
        foreach (var line in lines.Where(l => l.Trim().Length > 0))
        {
            total++;
            var expected = JsonSerializer.Deserialize<DateLine>(line, NluJson.Options)!;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(expected.TimeZone ?? "Asia/Jakarta");
            var found = recognition.Recognize(expected.Text, language, new TimeContext(expected.Reference, zone));
            var same = found.Count == expected.Times.Count && found.Zip(expected.Times).All(p => Same(p.First, p.Second));
            if (!same)
            {
                failures.Add($"\"{expected.Text}\" @ {expected.Reference:O}: expected {Describe(expected.Times)}, got {Describe(found)}");
            }
        }

        return new Report("dates", language, total - failures.Count, total, failures);
    }

    public static Report Intents(string language, IEnumerable<string> lines, IntentClassifier classifier)
    {
        var failures = new List<string>();
        var total = 0;
        foreach (var line in lines.Where(l => l.Trim().Length > 0))
        {
            total++;
            var expected = JsonSerializer.Deserialize<IntentLine>(line, NluJson.Options)!;
            var predicted = classifier.Classify(expected.Text);
            if (predicted.Intent != expected.Intent)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"\"{expected.Text}\": expected {expected.Intent}, got {predicted.Intent} ({predicted.Confidence:F2})"));
            }
        }

        return new Report("intents", language, total - failures.Count, total, failures);
    }

    private static bool Same(TimeMention found, ExpectedTime expected) =>
        Same(found.Reading, expected)
        && (expected.Alternatives is null
            || (found.Alternatives.Count == expected.Alternatives.Count && found.Alternatives.Zip(expected.Alternatives).All(p => Same(p.First, p.Second))));

    private static bool Same(TimeReading found, ExpectedTime expected) =>
        found.Start == expected.Start && found.End == expected.End && found.Grain == expected.Grain;

    private static string Describe(IEnumerable<ExpectedTime> times) =>
        "[" + string.Join(", ", times.Select(t => $"{t.Start:O}..{t.End:O} {t.Grain}")) + "]";

    private static string Describe(IEnumerable<TimeMention> mentions) =>
        "[" + string.Join(", ", mentions.Select(m => $"{m.Reading.Start:O}..{m.Reading.End:O} {m.Reading.Grain} \"{m.Text}\"")) + "]";
}
