using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using ConciergeBot.Benchmarks.DirectLine;

namespace ConciergeBot.Benchmarks;

/// <summary>
/// Throughput and latency of the durable turn pipeline on the real host and a real SQLite file.
/// <code>dotnet run -c Release --project tests/ConciergeBot.Benchmarks -- [throughput|latency|all] [options]</code>
/// </summary>
internal static class Program
{
    private static readonly string Usage = $"""
        usage: dotnet run -c Release --project tests/ConciergeBot.Benchmarks -- [throughput|latency|all|ingress|nlu|slots|directline] [options]

          nlu                          BenchmarkDotNet: one warm parse of a message per language
          slots                        BenchmarkDotNet: slot search on 90 days, 20 resources, 5,000 appointments

          throughput, latency          the two load scenarios; all (the default) runs both
          ingress                      a diagnosis: how fast TurnIngress.AcceptAsync alone goes, with every turn held back

          --bot counter|dialogs|both   the turn handler (default both): a small counting handler, or the real dialogs
          --turns N                    throughput: turns to push (default 20000)
          --conversations N            throughput: conversations they are spread over (default 200)
          --limit S                    throughput: give up after S seconds (default 40)
          --clients N                  latency: concurrent conversations in a closed loop (default 50)
          --seconds S                  latency: how long to run (default 12)
          --max-turns N                latency: stop after N turns even before --seconds (default 10000)

        {DirectLineLoadSettings.Usage}

        Pipeline settings come from appsettings.json and can be overridden with environment variables,
        e.g. Pipeline__MaxConcurrentConversations=128.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args is ["nlu", ..])
        {
            NluParseBenchmarks.Run(args[1..]);
            return 0;
        }

        if (args is ["slots", ..])
        {
            SlotSearchBenchmarks.Run(args[1..]);
            return 0;
        }

        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args is ["directline", ..])
        {
            if (!DirectLineLoadSettings.TryParse(args[1..], out var settings, out var problem))
            {
                Console.Error.WriteLine(problem);
                Console.Error.WriteLine(Usage);
                return 1;
            }

            return await DirectLineLoad.RunAsync(settings);
        }

        if (!TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(Usage);
            return 1;
        }

#if DEBUG
        Console.WriteLine("WARNING: a Debug build; the figures mean little. Use -c Release.");
#endif
        Console.WriteLine($"ConciergeBot pipeline benchmark: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, "
            + $"{RuntimeInformation.OSDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, SQLite file in {Path.GetTempPath()}");
        Console.WriteLine();

        var results = new List<ScenarioResult>();
        var started = DateTime.UtcNow;
        if (options.Scenario is "throughput" or "all")
        {
            foreach (var bot in options.Bots)
            {
                results.Add(await Scenarios.ThroughputAsync(bot, options.Throughput));
                Console.WriteLine();
            }
        }

        if (options.Scenario is "ingress")
        {
            results.Add(await Scenarios.IngressAsync(options.Latency));
            Console.WriteLine();
        }

        if (options.Scenario is "latency" or "all")
        {
            foreach (var bot in options.Bots)
            {
                results.Add(await Scenarios.LatencyAsync(bot, options.Latency));
                Console.WriteLine();
            }
        }

        Report.Print(results);
        Console.WriteLine($"(whole run {(DateTime.UtcNow - started).TotalSeconds:0} s)");
        return results.Any(r => r.Problems.Count > 0) ? 2 : 0;
    }

    private sealed record Options(string Scenario, BotKind[] Bots, ThroughputSettings Throughput, LatencySettings Latency);

    private static bool TryParse(string[] args, out Options options, out string error)
    {
        var scenario = "all";
        BotKind[] bots = [BotKind.Counter, BotKind.Dialogs];
        var throughput = new ThroughputSettings(Turns: 20_000, Conversations: 200, Limit: TimeSpan.FromSeconds(40));
        var latency = new LatencySettings(Conversations: 50, MaxTurns: 10_000, Duration: TimeSpan.FromSeconds(12));
        options = new Options(scenario, bots, throughput, latency);
        error = "";

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "throughput" or "latency" or "all" or "ingress")
            {
                scenario = arg;
                continue;
            }

            if (arg is "-h" or "--help")
            {
                error = "";
                return false;
            }

            if (i + 1 >= args.Length)
            {
                error = $"'{arg}' is not an option, or it needs a value.";
                return false;
            }

            var value = args[++i];
            if (arg == "--bot")
            {
                bots = value switch
                {
                    "counter" => [BotKind.Counter],
                    "dialogs" => [BotKind.Dialogs],
                    "both" => [BotKind.Counter, BotKind.Dialogs],
                    _ => [],
                };
                if (bots.Length == 0)
                {
                    error = $"--bot takes counter, dialogs or both, not '{value}'.";
                    return false;
                }

                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            {
                error = $"{arg} needs a positive whole number, not '{value}'.";
                return false;
            }

            switch (arg)
            {
                case "--turns":
                    throughput = throughput with { Turns = number };
                    break;
                case "--conversations":
                    throughput = throughput with { Conversations = number };
                    break;
                case "--limit":
                    throughput = throughput with { Limit = TimeSpan.FromSeconds(number) };
                    break;
                case "--clients":
                    latency = latency with { Conversations = number };
                    break;
                case "--seconds":
                    latency = latency with { Duration = TimeSpan.FromSeconds(number) };
                    break;
                case "--max-turns":
                    latency = latency with { MaxTurns = number };
                    break;
                default:
                    error = $"Unknown option '{arg}'.";
                    return false;
            }
        }

        options = new Options(scenario, bots, throughput, latency);
        return true;
    }
}
