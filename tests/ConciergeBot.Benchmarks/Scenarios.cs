using System.Diagnostics;

namespace ConciergeBot.Benchmarks;

internal sealed record ThroughputSettings(int Turns, int Conversations, TimeSpan Limit);

internal sealed record LatencySettings(int Conversations, int MaxTurns, TimeSpan Duration);

/// <summary>One line of the report.</summary>
internal sealed record ScenarioResult(
    string Name,
    long Turns,
    long Replies,
    double Seconds,
    LatencyStats? Latency,
    string Target,
    bool? Met,
    IReadOnlyList<string> Problems)
{
    public double TurnsPerSecond => Seconds > 0 ? Turns / Seconds : 0;
}

internal static class Scenarios
{
    public const double ThroughputTarget = 1500;
    public const double P99TargetMs = 50;

    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Set by <c>--sql</c>: what the database was asked per turn.</summary>

    /// <summary>
    /// Open load: every conversation's messages are pushed through the ingress as fast as it takes
    /// them (a burst of webhooks), and the clock stops when the last turn has committed and its
    /// replies have been delivered.
    /// </summary>
    public static async Task<ScenarioResult> ThroughputAsync(BotKind bot, ThroughputSettings settings)
    {
        var name = $"throughput {Label(bot)}";
        Console.WriteLine($"{name}: {settings.Turns:N0} turns across {settings.Conversations} conversations, pushed at once");
        await using var host = await BenchHost.StartAsync(bot);
        await WarmUpAsync(host, bot);
        var problems = new List<string>();
        var repliesBefore = host.Tracker.Replies;

        using var stop = new CancellationTokenSource(settings.Limit);
        var accepted = new List<(long Start, long InboxId)>[settings.Conversations];
        var usage = ProcessUsage.Now();
        await using var probe = new GateProbe(host.Writer);
        var start = Stopwatch.GetTimestamp();
        var senders = Enumerable.Range(0, settings.Conversations).Select(c => Task.Run(async () =>
        {
            var mine = accepted[c] = [];
            var count = settings.Turns / settings.Conversations + (c < settings.Turns % settings.Conversations ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                var sentAt = Stopwatch.GetTimestamp();
                var result = await host.ReceiveAsync($"tp-{c}", Script(bot, i), stop.Token);
                mine.Add((sentAt, result.InboxId ?? throw new InvalidOperationException("A new message was taken for a duplicate.")));
            }
        })).ToArray();

        try
        {
            await Task.WhenAll(senders);
        }
        catch (OperationCanceledException)
        {
            problems.Add($"the ingress did not take all messages within {settings.Limit.TotalSeconds:0} s");
        }

        var ingressSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var turns = accepted.Where(a => a is not null).SelectMany(a => a).ToList();
        var all = turns.Select(t => (t.Start, Turn: host.Tracker.Get(t.InboxId))).ToList();
        var finished = await WaitAllAsync(all.Select(t => t.Turn.Done.Task), start, settings.Limit);
        var used = ProcessUsage.Now();
        var gate = await probe.StopAsync();
        if (!finished)
        {
            Console.WriteLine($"  stopped after {settings.Limit.TotalSeconds:0} s (--limit) with turns still queued; the rate is over the turns that finished");
        }

        var done = all.Where(t => t.Turn.IsDone).ToList();
        var committed = all.Where(t => t.Turn.CommittedAt != 0).ToList();
        var lastCommit = committed.Count > 0 ? committed.Max(t => t.Turn.CommittedAt) : start;
        var lastDone = done.Count > 0 ? done.Max(t => t.Turn.DoneAt) : start;
        var seconds = finished ? Seconds(start, lastDone) : Stopwatch.GetElapsedTime(start).TotalSeconds;
        var replies = host.Tracker.Replies - repliesBefore;
        var flood = LatencyStats.From(done.Select(t => Ms(t.Start, t.Turn.DoneAt)));

        Console.WriteLine($"  ingress took {turns.Count:N0} messages in {ingressSeconds:0.00} s ({turns.Count / ingressSeconds:N0}/s)");
        var commitSeconds = Math.Max(Seconds(start, lastCommit), 1e-3);
        Console.WriteLine($"  {committed.Count:N0} turns committed in {commitSeconds:0.00} s ({committed.Count / commitSeconds:N0}/s); "
            + $"{done.Count:N0} finished with {replies:N0} replies delivered in {seconds:0.00} s");
        if (flood is not null)
        {
            Console.WriteLine($"  time from AcceptAsync to delivery under this burst (queueing included): p50 {flood.P50:0} ms, p99 {flood.P99:0} ms, max {flood.Max:0} ms");
        }

        Console.WriteLine($"  {used.Since(usage, done.Count)}");
        PrintGate(gate);
        problems.AddRange(HostProblems(host));
        var result = new ScenarioResult(name, done.Count, replies, seconds, null, $">= {ThroughputTarget:N0} turns/s",
            Met: false, problems);
        return result with { Met = problems.Count == 0 && result.TurnsPerSecond >= ThroughputTarget };
    }

    /// <summary>
    /// Closed loop: each conversation sends a message, waits until its reply is delivered, and sends
    /// the next. Latency is from the AcceptAsync call to the delivery of the turn's last reply.
    /// </summary>
    public static async Task<ScenarioResult> LatencyAsync(BotKind bot, LatencySettings settings)
    {
        var name = $"latency {Label(bot)}";
        Console.WriteLine($"{name}: {settings.Conversations} conversations in a closed loop, for {settings.Duration.TotalSeconds:0} s or {settings.MaxTurns:N0} turns");
        await using var host = await BenchHost.StartAsync(bot);
        await WarmUpAsync(host, bot);
        var repliesBefore = host.Tracker.Replies;

        var problems = new List<string>();
        var usage = ProcessUsage.Now();
        await using var probe = new GateProbe(host.Writer);
        var (samples, seconds, timeouts) = await ClosedLoopAsync(host, bot, "lat", settings.Conversations, settings.MaxTurns, settings.Duration);
        var used = ProcessUsage.Now();
        var gate = await probe.StopAsync();
        if (timeouts > 0)
        {
            problems.Add($"{timeouts} turn(s) got no reply within {ReplyTimeout.TotalSeconds:0} s");
        }

        var replies = host.Tracker.Replies - repliesBefore;
        var total = LatencyStats.From(samples.Select(s => Ms(s.Sent, s.Done)));
        var accept = LatencyStats.From(samples.Select(s => Ms(s.Sent, s.Accepted)));
        var toCommit = LatencyStats.From(samples.Select(s => Math.Max(0, Ms(s.Accepted, s.Committed))));
        var toDelivery = LatencyStats.From(samples.Select(s => Ms(s.Committed, s.Done)));
        if (total is not null && accept is not null && toCommit is not null && toDelivery is not null)
        {
            Console.WriteLine($"  {samples.Count:N0} turns in {seconds:0.00} s ({samples.Count / seconds:N0}/s), {replies:N0} replies");
            Console.WriteLine($"  where the time goes (p50 / p99 ms): AcceptAsync {accept.P50:0.0} / {accept.P99:0.0}; "
                + $"accepted -> committed {toCommit.P50:0.0} / {toCommit.P99:0.0}; committed -> delivered {toDelivery.P50:0.0} / {toDelivery.P99:0.0}");
        }

        Console.WriteLine($"  {used.Since(usage, samples.Count)}");
        PrintGate(gate);
        problems.AddRange(HostProblems(host));
        return new ScenarioResult(name, samples.Count, replies, seconds, total, $"p99 < {P99TargetMs:0} ms",
            Met: total is not null && problems.Count == 0 && total.P99 < P99TargetMs, problems);
    }

    /// <summary>
    /// The ingress alone: turns are parked in the handler, so the only writes are AcceptAsync's own
    /// inbox transactions. Its rate is a ceiling for the whole pipeline, which also commits every turn
    /// and records every delivery through the same group-committing writer.
    /// </summary>
    public static async Task<ScenarioResult> IngressAsync(LatencySettings settings)
    {
        const string name = "ingress only (turns parked)";
        var duration = TimeSpan.FromSeconds(Math.Min(settings.Duration.TotalSeconds, 5));
        Console.WriteLine($"{name}: {settings.Conversations} senders calling AcceptAsync back to back for {duration.TotalSeconds:0} s, no turn running");
        await using var host = await BenchHost.StartAsync(BotKind.Counter);
        await WarmUpAsync(host, BotKind.Counter);
        host.Counter!.Parked = true;

        var usage = ProcessUsage.Now();
        await using var probe = new GateProbe(host.Writer);
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var senders = Enumerable.Range(0, settings.Conversations).Select(c => Task.Run(async () =>
        {
            var times = new List<double>();
            for (var i = 0; Stopwatch.GetTimestamp() < stopAt; i++)
            {
                var sent = Stopwatch.GetTimestamp();
                await host.ReceiveAsync($"ing-{c}", Script(BotKind.Counter, i));
                times.Add(Ms(sent, Stopwatch.GetTimestamp()));
            }

            return times;
        })).ToArray();
        var accepts = (await Task.WhenAll(senders)).SelectMany(t => t).ToList();
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var used = ProcessUsage.Now();
        var gate = await probe.StopAsync();

        Console.WriteLine($"  {accepts.Count:N0} messages accepted in {seconds:0.00} s ({accepts.Count / seconds:N0}/s)");
        Console.WriteLine($"  {used.Since(usage, accepts.Count)}");
        PrintGate(gate);
        return new ScenarioResult(name, accepts.Count, 0, seconds, LatencyStats.From(accepts), "(a ceiling)", null, [.. HostProblems(host)]);
    }

    private static void PrintGate(LatencyStats? gate)
    {
        if (gate is not null)
        {
            Console.WriteLine($"  group commit: an empty write every 5 ms came back committed in p50 {gate.P50:0.0} ms, p99 {gate.P99:0.0} ms, max {gate.Max:0.0} ms ({gate.Count} probes)");
        }
    }

    /// <summary>JIT, connection pool, SQLite page cache: a few seconds of traffic on other conversations first.</summary>
    private static async Task WarmUpAsync(BenchHost host, BotKind bot)
    {
        var (_, _, timeouts) = await ClosedLoopAsync(host, bot, "warm", 50, 1_000, TimeSpan.FromSeconds(2));
        if (timeouts > 0)
        {
            throw new InvalidOperationException("The warm-up got no replies; is the pipeline running?");
        }

        host.Tracker.ForgetFinished();
    }

    private static async Task<(List<Sample> Samples, double Seconds, int Timeouts)> ClosedLoopAsync(
        BenchHost host, BotKind bot, string prefix, int conversations, int maxTurns, TimeSpan duration)
    {
        var started = 0;
        var timeouts = 0;
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, conversations).Select(c => Task.Run(async () =>
        {
            var samples = new List<Sample>();
            for (var i = 0; Interlocked.Increment(ref started) <= maxTurns && Stopwatch.GetTimestamp() < stopAt; i++)
            {
                var sent = Stopwatch.GetTimestamp();
                var result = await host.ReceiveAsync($"{prefix}-{c}", Script(bot, i));
                var accepted = Stopwatch.GetTimestamp();
                var turn = host.Tracker.Get(result.InboxId ?? throw new InvalidOperationException("A new message was taken for a duplicate."));
                try
                {
                    await turn.Done.Task.WaitAsync(ReplyTimeout);
                }
                catch (TimeoutException)
                {
                    Interlocked.Increment(ref timeouts);
                    break;
                }

                samples.Add(new Sample(sent, accepted, turn.CommittedAt, turn.DoneAt));
            }

            return samples;
        })).ToArray();

        var all = (await Task.WhenAll(loops)).SelectMany(s => s).ToList();
        var seconds = all.Count > 0 ? Seconds(start, all.Max(s => s.Done)) : Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (all, seconds, timeouts);
    }

    private static async Task<bool> WaitAllAsync(IEnumerable<Task> tasks, long start, TimeSpan limit)
    {
        var left = limit - Stopwatch.GetElapsedTime(start);
        try
        {
            await Task.WhenAll(tasks).WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static IEnumerable<string> HostProblems(BenchHost host)
    {
        if (host.Tracker.FailedDeliveries > 0)
        {
            yield return $"{host.Tracker.FailedDeliveries} deliveries failed";
        }

        if (host.Log.Errors > 0)
        {
            yield return $"{host.Log.Errors} error(s) logged";
        }

        if (host.Log.Warnings > 0)
        {
            yield return $"{host.Log.Warnings} warning(s) logged";
        }
    }

    /// <summary>
    /// What the customer types. For the dialogs: a greeting (the welcome and the menu, two replies),
    /// then "1" (a menu choice that ends in the handoff message, one reply), and again.
    /// </summary>
    private static string Script(BotKind bot, int turn) => bot switch
    {
        BotKind.Dialogs => turn % 2 == 0 ? "halo" : "1",
        _ => $"message {turn}",
    };

    private static string Label(BotKind bot) => bot == BotKind.Dialogs ? "(real dialogs)" : "(counter handler)";

    private static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private sealed record Sample(long Sent, long Accepted, long Committed, long Done);
}

internal sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencyStats? From(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? null
            : new LatencyStats(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1]);
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the samples at or below it.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
