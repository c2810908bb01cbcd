namespace ConciergeBot.Pipeline;

/// <summary>In-process notices of what the pipeline did, for the terminal chat and tests; the database stays the record.</summary>
public sealed class PipelineEvents
{
    public event Action<TurnCommitted>? TurnCommitted;

    public event Action<DeliveryFinished>? DeliveryFinished;

    internal void Raise(TurnCommitted e) => TurnCommitted?.Invoke(e);

    internal void Raise(DeliveryFinished e) => DeliveryFinished?.Invoke(e);
}

/// <param name="HandoffBefore">The conversation's open handoff case before the turn, if any.</param>
/// <param name="HandoffAfter">... and after it: a change means the turn opened or ended one.</param>
public sealed record TurnCommitted(string ConversationId, long InboxId, IReadOnlyList<long> OutboxIds, Guid? HandoffBefore = null, Guid? HandoffAfter = null);

public sealed record DeliveryFinished(string ConversationId, long OutboxId, DeliveryOutcome Outcome);
