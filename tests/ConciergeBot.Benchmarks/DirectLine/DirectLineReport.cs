namespace ConciergeBot.Benchmarks.DirectLine;

/// <summary>Prints each level as it finishes, and the table at the end, with the issue's targets next to the figures.</summary>
internal static class DirectLineReport
{
    public const double TurnsPerSecondTarget = 1500;
    public const double P99TargetMs = 50;

    /// <summary>The level the targets are stated for.</summary>
    public const int TargetConversations = 50;

    private const double MB = 1024 * 1024;

    public static void PrintLevel(LevelResult r)
    {
        var first = r.FirstReply;
        var targeted = r.Conversations == TargetConversations;
        Console.WriteLine($"  {r.Answered.Count:N0} turns answered in {r.Seconds:0.00} s: {r.TurnsPerSecond:N0} turns/s"
            + (targeted ? $"   (target >= {TurnsPerSecondTarget:N0}: {Met(r.TurnsPerSecond >= TurnsPerSecondTarget)})" : ""));
        if (first is not null)
        {
            Console.WriteLine($"  latency to the first reply (ms): p50 {Ms(first.P50)}, p95 {Ms(first.P95)}, p99 {Ms(first.P99)}, max {Ms(first.Max)}"
                + (targeted ? $"   (target p99 < {P99TargetMs:0}: {Met(first.P99 < P99TargetMs)})" : ""));
            Console.WriteLine($"  from the POST's start (p50 / p99 ms): POST answered {Pair(r.PostAnswered)}; echo on the stream {Pair(r.Echoed)}; "
                + $"first reply {Pair(first)}; the turn's last reply {Pair(r.LastReply)}");
        }

        var steps = r.Answered.GroupBy(t => t.Step).ToDictionary(g => g.Key, g => LatencyStats.From(g.Select(t => TurnResult.Ms(t.Started, t.FirstReplyAt)))!);
        Console.WriteLine("  first reply by step (turns: p50 / p99 ms): " + string.Join("; ", RescheduleWalker.Steps.InOrder
            .Where(steps.ContainsKey)
            .Select(step => $"{step} {steps[step].Count:N0}: {Pair(steps[step])}")));
        var failures = r.Load.Failures;
        Console.WriteLine($"  errors: {r.Errors} (HTTP {failures.GetValueOrDefault(TurnFailure.Http)}, timeouts {failures.GetValueOrDefault(TurnFailure.Timeout)}, "
            + $"unexpected replies {failures.GetValueOrDefault(TurnFailure.Unexpected)})");
        foreach (var problem in r.Load.Problems)
        {
            Console.WriteLine($"    {problem}");
        }

        foreach (var gaveUp in r.Load.GaveUp)
        {
            Console.WriteLine($"    gave up: {gaveUp}");
        }

        Console.WriteLine($"  reschedules completed (\"Done!\"): {r.Load.CompletedWalks:N0} in the measured time; the host recorded {r.HostMoves:N0} moves over the whole level (warm-up included)");
        var cores = Environment.ProcessorCount;
        Console.WriteLine($"  host process: peak memory {r.HostPeakMemory / MB:N0} MB ({(r.PeakIsThisLevels ? "this level" : "since its start")}), "
            + $"CPU {r.HostCpu.TotalSeconds:0.0} s = {Share(r.HostCpu, r.CpuSeconds, cores)}, {PerTurn(r.HostCpu, r.Answered.Count)} ms per turn");
        Console.WriteLine($"  load client (this process): CPU {r.ClientCpu.TotalSeconds:0.0} s = {Share(r.ClientCpu, r.CpuSeconds, cores)}, {PerTurn(r.ClientCpu, r.Answered.Count)} ms per turn");
        if (!double.IsNaN(r.MachineBusy))
        {
            Console.WriteLine($"  machine: {r.MachineBusy:P0} busy over the measured time; other processes {Math.Max(0, r.OthersShare):P0}"
                + (r.OthersShare > 0.05 ? "  WARNING: the figures are low, other work competed for the cores" : ""));
        }

        Console.WriteLine($"  database file {r.DatabaseSizes.Database / MB:N0} MB, write-ahead log file {r.DatabaseSizes.Log / MB:N0} MB at the level's end");
        if (r.HostWarnings + r.HostErrors > 0)
        {
            Console.WriteLine($"  host log: {r.HostWarnings} warning(s), {r.HostErrors} error(s) during this level");
        }
    }

    public static void PrintTable(IReadOnlyList<LevelResult> results)
    {
        string[] header = ["conversations", "turns", "turns/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "reschedules", "host peak MB", "host CPU", "targets"];
        var rows = results.Select(r =>
        {
            var first = r.FirstReply;
            return new[]
            {
                r.Conversations.ToString("N0"),
                r.Answered.Count.ToString("N0"),
                r.TurnsPerSecond.ToString("N0"),
                Ms(first?.P50),
                Ms(first?.P95),
                Ms(first?.P99),
                Ms(first?.Max),
                r.Errors.ToString("N0"),
                r.Load.CompletedWalks.ToString("N0"),
                (r.HostPeakMemory / MB).ToString("N0"),
                $"{r.HostCpu.TotalSeconds / r.CpuSeconds:P0}",
                r.Conversations == TargetConversations
                    ? $">= {TurnsPerSecondTarget:N0}/s: {Met(r.TurnsPerSecond >= TurnsPerSecondTarget)}, p99 < {P99TargetMs:0} ms: {Met(first is not null && first.P99 < P99TargetMs)}"
                    : "-",
            };
        }).ToList();

        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadLeft(widths[i]))).TrimEnd();
        Console.WriteLine(Line(header));
        Console.WriteLine(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
        foreach (var row in rows)
        {
            Console.WriteLine(Line(row));
        }

        Console.WriteLine();
        Console.WriteLine("turn:        one message posted (POST /v3/directline/conversations/{id}/activities); latency from starting the POST to the");
        Console.WriteLine("             first bot message with replyToId = the posted activity's id, seen on the conversation's WebSocket.");
        Console.WriteLine("             A turn ends at its question (inputHint expectingInput), at \"Done!\", or after 3 s of quiet (only unexpected replies).");
        Console.WriteLine("errors:      HTTP failures, no first reply within 10 s, replies the walk did not expect (each counted once, then \"cancel\").");
        Console.WriteLine($"host CPU:    the host process's CPU time over the measured time, as a share of one core (this machine has {Environment.ProcessorCount});");
        Console.WriteLine("             the load client runs on the same cores, so the host never has the machine to itself.");
    }

    private static string Met(bool met) => met ? "yes" : "NO";

    private static string Pair(LatencyStats? stats) => stats is null ? "-" : $"{Ms(stats.P50)} / {Ms(stats.P99)}";

    private static string Ms(double? value) => value is { } v ? v.ToString(v < 10 ? "0.0" : "0") : "-";

    private static string Share(TimeSpan cpu, double seconds, int cores) =>
        $"{cpu.TotalSeconds / seconds:P0} of one core ({cpu.TotalSeconds / seconds / cores:P0} of {cores})";

    private static string PerTurn(TimeSpan cpu, int turns) => (cpu.TotalMilliseconds / Math.Max(turns, 1)).ToString("0.00");
}
