namespace ConciergeBot.Benchmarks.DirectLine;

/// <summary>What one load level measured: the client's view of every turn, and the host process's CPU and memory.</summary>
internal sealed record LevelResult(
    int Conversations,
    LoadSnapshot Load,
    double Seconds,
    int HostMoves,
    long HostPeakMemory,
    bool PeakIsThisLevels,
    TimeSpan HostCpu,
    TimeSpan ClientCpu,
    double CpuSeconds,
    double MachineBusy,
    int HostWarnings,
    int HostErrors,
    (long Database, long Log) DatabaseSizes)
{
    /// <summary>Turns that got at least their first reply; only they have a latency.</summary>
    public IReadOnlyList<TurnResult> Answered { get; } = [.. Load.Turns.Where(t => t.Replies.Count > 0)];

    public double TurnsPerSecond => Seconds > 0 ? Answered.Count / Seconds : 0;

    /// <summary>From starting the POST to the first bot message in reply to it on the stream: the figure the targets are about.</summary>
    public LatencyStats? FirstReply => LatencyStats.From(Answered.Select(t => TurnResult.Ms(t.Started, t.FirstReplyAt)));

    public LatencyStats? PostAnswered => LatencyStats.From(Answered.Select(t => TurnResult.Ms(t.Started, t.Posted)));

    public LatencyStats? Echoed => LatencyStats.From(Answered.Where(t => t.Echoed != 0).Select(t => TurnResult.Ms(t.Started, t.Echoed)));

    public LatencyStats? LastReply => LatencyStats.From(Answered.Select(t => TurnResult.Ms(t.Started, t.LastReplyAt)));

    public int Errors => Load.Errors;

    /// <summary>The share of the machine's CPU that neither the host nor the load client used (other processes), from /proc/stat; NaN when unknown.</summary>
    public double OthersShare => MachineBusy - ((HostCpu + ClientCpu).TotalSeconds / CpuSeconds / Environment.ProcessorCount);
}
