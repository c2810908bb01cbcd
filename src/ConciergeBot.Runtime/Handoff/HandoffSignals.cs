namespace ConciergeBot.Handoff;

/// <summary>
/// In-process notice that a case or its conversation changed, for the live console; the database
/// stays the record, and a console that missed a notice catches up on its next read.
/// </summary>
public sealed class HandoffSignals
{
    public event Action<HandoffChange>? Changed;

    public void Raise(HandoffChange change) => Changed?.Invoke(change);
}

/// <param name="QueueChanged">The queue itself changed (a case joined, left, or moved), not only its conversation.</param>
public sealed record HandoffChange(Guid CaseId, string ConversationId, bool QueueChanged);
