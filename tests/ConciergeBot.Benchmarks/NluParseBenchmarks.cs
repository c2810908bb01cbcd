using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ConciergeBot.Language.Intents;
using ConciergeBot.Language.Nlu;
using ConciergeBot.Language.Time;
using ConciergeBot.Language.Time.English;
using ConciergeBot.Language.Time.Indonesian;

namespace ConciergeBot.Benchmarks;

/// <summary>
/// One warm parse of a customer message per language: language detection, the intent model and the
/// time recognizer, as the <c>nlu</c> command and the dialogs run them.
/// <code>dotnet run -c Release --project tests/ConciergeBot.Benchmarks -- nlu</code>
/// </summary>
[MemoryDiagnoser]
public class NluParseBenchmarks
{
    private static readonly DateTimeOffset Reference = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7));
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private NluParser _parser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parser = new NluParser(new IntentModel(Path.Combine(AppContext.BaseDirectory, "nlu")), new TimeRecognition([new EnglishTimeRecognizer(), new IndonesianTimeRecognizer()]));
        English();
        Indonesian();
    }

    [Benchmark]
    public NluResult English() => _parser.Parse("hi, can I move my appointment to next Tuesday afternoon?", Reference, Jakarta, "en");

    [Benchmark]
    public NluResult Indonesian() => _parser.Parse("kak bisa dipindah ke besok jam 3 sore dong?", Reference, Jakarta, "id");

    public static void Run(string[] args)
    {
        // In process: the benchmark needs the host's output folder (the intent training files).
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10));
        BenchmarkRunner.Run<NluParseBenchmarks>(config, args);
    }
}
