using System.Diagnostics;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Benchmarks;

/// <summary>
/// Follows every turn through <see cref="PipelineEvents"/>: a turn is done when it has committed and
/// each outgoing activity it produced has been delivered (or has failed). The events may arrive in
/// either order relative to the sender learning its inbox id, and a delivery may even be reported
/// before its turn's commit notice, so all three are reconciled here.
/// </summary>
internal sealed class TurnTracker : IDisposable
{
    private readonly PipelineEvents _events;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, TrackedTurn> _turns = [];
    private readonly Dictionary<long, TrackedTurn> _byOutbox = [];
    private readonly HashSet<long> _finishedEarly = [];
    private long _committed;
    private long _completed;
    private long _replies;
    private long _failedDeliveries;
    private long _target = long.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TurnTracker(PipelineEvents events)
    {
        _events = events;
        _events.TurnCommitted += OnCommitted;
        _events.DeliveryFinished += OnDelivery;
    }

    public long Committed
    {
        get
        {
            lock (_gate)
            {
                return _committed;
            }
        }
    }

    public long Completed
    {
        get
        {
            lock (_gate)
            {
                return _completed;
            }
        }
    }

    public long Replies
    {
        get
        {
            lock (_gate)
            {
                return _replies;
            }
        }
    }

    public long FailedDeliveries
    {
        get
        {
            lock (_gate)
            {
                return _failedDeliveries;
            }
        }
    }

    /// <summary>The turn for an inbox id the ingress returned; its <see cref="TrackedTurn.Done"/> completes when its replies are out.</summary>
    public TrackedTurn Get(long inboxId)
    {
        lock (_gate)
        {
            return GetOrAdd(inboxId);
        }
    }

    /// <summary>Completes when <paramref name="count"/> turns in all have finished.</summary>
    public Task WhenCompleted(long count)
    {
        lock (_gate)
        {
            _target = count;
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_completed >= count)
            {
                _reached.TrySetResult();
            }

            return _reached.Task;
        }
    }

    /// <summary>Forgets finished turns (after a warm-up) so they do not weigh on the lookups.</summary>
    public void ForgetFinished()
    {
        lock (_gate)
        {
            foreach (var id in _turns.Where(t => t.Value.IsDone).Select(t => t.Key).ToList())
            {
                _turns.Remove(id);
            }
        }
    }

    private void OnCommitted(TurnCommitted e)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var turn = GetOrAdd(e.InboxId);
            turn.CommittedAt = now;
            turn.Replies = e.OutboxIds.Count;
            _committed++;
            foreach (var outboxId in e.OutboxIds)
            {
                if (!_finishedEarly.Remove(outboxId))
                {
                    turn.Remaining++;
                    _byOutbox[outboxId] = turn;
                }
            }

            if (turn.Remaining == 0)
            {
                Complete(turn, now);
            }
        }
    }

    private void OnDelivery(DeliveryFinished e)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _replies++;
            if (e.Outcome != DeliveryOutcome.Delivered)
            {
                _failedDeliveries++;
            }

            if (_byOutbox.Remove(e.OutboxId, out var turn))
            {
                if (--turn.Remaining == 0)
                {
                    Complete(turn, now);
                }
            }
            else
            {
                _finishedEarly.Add(e.OutboxId);
            }
        }
    }

    private void Complete(TrackedTurn turn, long now)
    {
        turn.DoneAt = now;
        _completed++;
        turn.Done.TrySetResult();
        if (_completed >= _target)
        {
            _reached.TrySetResult();
        }
    }

    private TrackedTurn GetOrAdd(long inboxId)
    {
        if (!_turns.TryGetValue(inboxId, out var turn))
        {
            turn = new TrackedTurn(inboxId);
            _turns[inboxId] = turn;
        }

        return turn;
    }

    public void Dispose()
    {
        _events.TurnCommitted -= OnCommitted;
        _events.DeliveryFinished -= OnDelivery;
    }
}

internal sealed class TrackedTurn(long inboxId)
{
    public long InboxId { get; } = inboxId;

    /// <summary>Stopwatch timestamps; 0 until it happened.</summary>
    public long CommittedAt { get; set; }

    public long DoneAt { get; set; }

    public int Replies { get; set; }

    public int Remaining { get; set; }

    public bool IsDone => DoneAt != 0;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
