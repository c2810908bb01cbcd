namespace ConciergeBot.Benchmarks;

internal static class Report
{
    public static void Print(IReadOnlyList<ScenarioResult> results)
    {
        string[] header = ["scenario", "turns", "replies", "time s", "turns/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "target", "met"];
        var rows = results.Select(r => new[]
        {
            r.Name,
            r.Turns.ToString("N0"),
            r.Replies.ToString("N0"),
            r.Seconds.ToString("0.00"),
            r.TurnsPerSecond.ToString("N0"),
            Ms(r.Latency?.P50),
            Ms(r.Latency?.P95),
            Ms(r.Latency?.P99),
            Ms(r.Latency?.Max),
            r.Target,
            r.Met switch
            {
                true => "yes",
                false => "NO",
                null => "-",
            },
        }).ToList();

        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i is 0 or 9 or 10 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();

        Console.WriteLine(Line(header));
        Console.WriteLine(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
        foreach (var row in rows)
        {
            Console.WriteLine(Line(row));
        }

        foreach (var r in results.Where(r => r.Problems.Count > 0))
        {
            Console.WriteLine($"{r.Name}: {string.Join("; ", r.Problems)}");
        }

        Console.WriteLine();
        Explain(results, "throughput", "turns pushed through TurnIngress.AcceptAsync at once, timed until the last turn committed and its replies were delivered.");
        Explain(results, "ingress", "AcceptAsync alone, with every turn held back; the latency columns are AcceptAsync's own time.");
        Explain(results, "latency", "conversations in a closed loop; per turn, from the AcceptAsync call until its replies were delivered (DeliveryFinished).");
    }

    private static void Explain(IReadOnlyList<ScenarioResult> results, string kind, string text)
    {
        if (results.Any(r => r.Name.StartsWith(kind, StringComparison.Ordinal)))
        {
            Console.WriteLine($"{kind + ":",-12}{text}");
        }
    }

    private static string Ms(double? value) => value is { } v ? v.ToString(v < 10 ? "0.0" : "0") : "-";
}
