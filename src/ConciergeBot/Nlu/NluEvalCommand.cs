using System.Globalization;
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
