using System.Globalization;
using System.Text.Json;
using ConciergeBot.Language.Intents;
using ConciergeBot.Language.Nlu;
using ConciergeBot.Language.Time;

namespace ConciergeBot.Nlu;

/// <summary>
/// <c>nlu-eval [folder]</c>: accuracy of language understanding on the development sets
/// (<c>datetime.{en,id}.jsonl</c>, <c>intents.{en,id}.jsonl</c>, by default in
/// <c>tests/ConciergeBot.Tests/Language/Data</c>), per language and kind, with every failure.
/// </summary>
public static class NluEvalCommand
{
    public const string DefaultFolder = "tests/ConciergeBot.Tests/Language/Data";

    /// <summary>The development sets of the checkout this program runs from (<c>dotnet run</c> starts in the project folder).</summary>
    private static string FindDefaultFolder()
    {
        foreach (var start in (string[])[Directory.GetCurrentDirectory(), AppContext.BaseDirectory])
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, DefaultFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return DefaultFolder;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? FindDefaultFolder();
        if (!Directory.Exists(folder))
        {
            await Console.Error.WriteLineAsync($"No development sets at '{Path.GetFullPath(folder)}'. Run from the repository root or name the folder.");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Services.AddConciergeRuntime(builder.Configuration);
        using var host = builder.Build();
        var times = host.Services.GetRequiredService<TimeRecognition>();
        var intents = host.Services.GetRequiredService<IntentModel>().Classifier;

        var reports = new List<NluEvaluation.Report>();
        foreach (var language in (string[])["en", "id"])
        {
            var dates = Path.Combine(folder, $"datetime.{language}.jsonl");
            if (File.Exists(dates))
            {
                reports.Add(NluEvaluation.Dates(language, File.ReadLines(dates), times));
            }

            var utterances = Path.Combine(folder, $"intents.{language}.jsonl");
            if (File.Exists(utterances))
            {
                reports.Add(NluEvaluation.Intents(language, File.ReadLines(utterances), intents));
            }
        }

        foreach (var report in reports)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Kind,-9} {report.Language}  {report.Correct,4} / {report.Total,-4} {report.Accuracy,7:P1}"));
        }

        foreach (var report in reports.Where(r => r.Failures.Count > 0))
        {
            Console.WriteLine();
            Console.WriteLine($"Failures, {report.Kind} {report.Language}:");
            foreach (var failure in report.Failures)
            {
                Console.WriteLine($"  {failure}");
            }
        }

        return 0;
    }
}

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
