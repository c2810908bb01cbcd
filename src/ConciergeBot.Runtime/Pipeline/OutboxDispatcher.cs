using System.Threading.Channels;
using ConciergeBot.Activities;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Pipeline;

/// <summary>
/// Delivers committed outgoing activities through their channel's adapter: per conversation in
/// order (a message waiting for a retry holds back the ones after it), different conversations in
/// parallel, with backoff on passing faults. Permanent failures stay in the outbox marked Failed,
/// with the error, for an operator. Delivery is at least once: a crash between the channel's
/// answer and our mark sends that message again after restart.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbContextFactory<ConciergeDb> dbFactory,
    DatabaseWriteGate writeGate,
    IEnumerable<IChannelAdapter> adapters,
    PipelineEvents events,
    TimeProvider clock,
    IOptions<PipelineOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private const int ParallelConversations = 16;

    private readonly Dictionary<string, IChannelAdapter> _adapters = adapters.ToDictionary(a => a.ChannelId, StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly PipelineOptions _options = options.Value;

    /// <summary>New rows were committed: look now rather than at the next poll.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDispatchFailed(ex);
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var tick = Task.Delay(_options.OutboxPollInterval, clock, poll.Token);
            var woken = _wake.Reader.WaitToReadAsync(poll.Token).AsTask();
            await Task.WhenAny(tick, woken);
            await poll.CancelAsync();
            _wake.Reader.TryRead(out _);
        }
    }

    /// <returns>How many deliveries were attempted; zero when nothing is due.</returns>
    internal async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimUntil = now + _options.DeliveryClaim;
        var me = _options.InstanceId;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Outbox.AsNoTracking()
            .Where(o => o.Status == OutboxStatus.Pending)
            .OrderBy(o => o.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        // Per conversation, only the rows before the first one that must wait (a retry not yet due,
        // or a row another instance is delivering) may go now; the rest keep their order behind it.
        var due = pending
            .GroupBy(o => o.ConversationId)
            .Select(g => g.TakeWhile(o => o.NextAttemptAt <= now && (o.ClaimedUntil == null || o.ClaimedUntil < now)).ToList())
            .Where(g => g.Count > 0)
            .ToList();
        var dueIds = due.SelectMany(g => g).Select(o => o.Id).ToList();
        if (dueIds.Count == 0)
        {
            return 0;
        }

        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.Outbox
                .Where(o => dueIds.Contains(o.Id) && o.Status == OutboxStatus.Pending && (o.ClaimedUntil == null || o.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedBy, me).SetProperty(o => o.ClaimedUntil, claimUntil), cancellationToken);
        }

        var mine = (await db.Outbox.AsNoTracking()
            .Where(o => dueIds.Contains(o.Id) && o.ClaimedBy == me && o.ClaimedUntil == claimUntil)
            .Select(o => o.Id)
            .ToListAsync(cancellationToken)).ToHashSet();

        var results = new System.Collections.Concurrent.ConcurrentDictionary<long, DeliveryResult>();
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelConversations, CancellationToken = cancellationToken },
            async (rows, ct) =>
            {
                // Another instance won part of this conversation: stop at its first row to keep the order.
                foreach (var row in rows.TakeWhile(r => mine.Contains(r.Id)))
                {
                    var result = await DeliverAsync(row, ct);
                    results[row.Id] = result;
                    if (result.Outcome != DeliveryOutcome.Delivered)
                    {
                        return;
                    }
                }
            });

        // What the channels accepted is recorded even while stopping, or it would be sent twice.
        await RecordAsync(db, mine, results, CancellationToken.None);
        return results.Count;
    }

    private async Task<DeliveryResult> DeliverAsync(OutboxItem row, CancellationToken cancellationToken)
    {
        if (!_adapters.TryGetValue(row.Channel, out var adapter))
        {
            return DeliveryResult.Failed($"No adapter is registered for channel '{row.Channel}'.");
        }

        try
        {
            var activity = ActivityJson.Deserialize(row.ActivityJson);
            return await adapter.SendAsync(new OutboundActivity(row.Id, row.ConversationId, row.Attempts + 1, activity), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Retry(ex.Message);
        }
    }

    private async Task RecordAsync(ConciergeDb db, HashSet<long> claimed, IReadOnlyDictionary<long, DeliveryResult> results, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = claimed.ToList();
        var finished = new List<DeliveryFinished>();
        using (await writeGate.EnterAsync(cancellationToken))
        {
            var rows = await db.Outbox.Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                row.ClaimedBy = null;
                row.ClaimedUntil = null;
                if (!results.TryGetValue(row.Id, out var result))
                {
                    continue;
                }

                row.Attempts++;
                switch (result.Outcome)
                {
                    case DeliveryOutcome.Delivered:
                        row.Status = OutboxStatus.Delivered;
                        row.DeliveredAt = now;
                        row.ChannelMessageId = result.ChannelMessageId;
                        row.LastError = null;
                        finished.Add(new DeliveryFinished(row.ConversationId, row.Id, DeliveryOutcome.Delivered));
                        break;
                    case DeliveryOutcome.Retry when row.Attempts < _options.MaxDeliveryAttempts:
                        var delay = result.RetryAfter ?? PipelineOptions.Backoff(_options.DeliveryRetryDelay, row.Attempts, _options.MaxRetryDelay);
                        row.NextAttemptAt = now + delay;
                        row.LastError = result.Error;
                        LogRetry(row.ConversationId, row.Id, row.Attempts, delay, result.Error);
                        break;
                    default:
                        row.Status = OutboxStatus.Failed;
                        row.LastError = result.Error;
                        LogFailed(row.ConversationId, row.Id, row.Attempts, result.Error);
                        finished.Add(new DeliveryFinished(row.ConversationId, row.Id, DeliveryOutcome.Failed));
                        break;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var e in finished)
        {
            events.Raise(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch round failed")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of outbox {OutboxId} in conversation {ConversationId} failed (attempt {Attempt}); retrying in {Delay}: {Error}")]
    private partial void LogRetry(string conversationId, long outboxId, int attempt, TimeSpan delay, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {OutboxId} in conversation {ConversationId} could not be delivered after {Attempt} attempt(s) and is marked failed: {Error}")]
    private partial void LogFailed(string conversationId, long outboxId, int attempt, string? error);
}
