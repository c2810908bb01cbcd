using System.Diagnostics;

namespace ConciergeBot.Benchmarks.DirectLine;

internal enum TurnFailure
{
    None,

    /// <summary>The POST failed (a status other than 2xx, or the connection).</summary>
    Http,

    /// <summary>No reply within the turn timeout, or a turn whose replies stopped before its question.</summary>
    Timeout,

    /// <summary>The bot said something the walk does not expect here.</summary>
    Unexpected,
}

/// <summary>
/// One message posted and what came back for it. Times are <see cref="Stopwatch"/> timestamps:
/// <see cref="Started"/> just before the POST, <see cref="Posted"/> when the POST answered with the
/// activity's id, <see cref="Echoed"/> when the stream echoed it, and the first and last bot message
/// in reply to it (0 when it did not happen).
/// </summary>
internal sealed record TurnResult(
    string Text,
    long Started,
    long Posted,
    long Echoed,
    IReadOnlyList<StreamedActivity> Replies,
    TurnFailure Failure,
    string? Problem,
    int LateReplies)
{
    /// <summary>What the message was in the walk ("a time", "yes", ...), to see which steps are slow.</summary>
    public string Step { get; init; } = "";

    public bool Answered => Failure == TurnFailure.None && Replies.Count > 0;

    public long FirstReplyAt => Replies.Count > 0 ? Replies[0].ArrivedAt : 0;

    public long LastReplyAt => Replies.Count > 0 ? Replies[^1].ArrivedAt : 0;

    public static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    public TurnResult Failed(TurnFailure failure, string problem) => this with { Failure = failure, Problem = problem };
}
