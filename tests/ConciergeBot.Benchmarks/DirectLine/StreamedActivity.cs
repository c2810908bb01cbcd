namespace ConciergeBot.Benchmarks.DirectLine;

/// <summary>
/// What the load client keeps of an activity that arrived on the WebSocket: the echo of its own
/// message (<see cref="IsEcho"/>) or a bot message, with the <see cref="System.Diagnostics.Stopwatch"/>
/// timestamp of its arrival. Typing indicators and keep-alives are not kept.
/// </summary>
internal sealed record StreamedActivity(
    bool IsEcho,
    string? Id,
    string? ReplyToId,
    string? Text,
    string? InputHint,
    IReadOnlyList<string> Actions,
    long ArrivedAt)
{
    public bool ExpectsInput => InputHint == "expectingInput";

    public override string ToString() => Actions.Count == 0 ? $"\"{Text}\"" : $"\"{Text}\" [{string.Join(" | ", Actions)}]";
}
