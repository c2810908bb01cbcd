using System.Collections.Concurrent;
using System.Threading.Channels;
using ConciergeBot.Activities;
using ConciergeBot.Storage;
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
    DatabaseConnections connections,
    DatabaseWriter writer,
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

        List<PipelineRows.PendingOutbound> due;
        await using (var read = await connections.OpenAsync(cancellationToken))
        {
            due = PipelineRows.DeliverableOutbox(read, now, BatchSize);
        }

        if (due.Count == 0)
        {
            return 0;
        }

        // Claim first, so two instances never deliver the same row at the same time.
        var mine = await writer.WriteAsync((connection, transaction) =>
        {
            using var claim = Sql.Command(connection, transaction, """
                UPDATE "Outbox" SET "ClaimedBy" = @me, "ClaimedUntil" = @until
                WHERE "Id" = @id AND "Status" = 0 AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < @now)
                """, ("@me", me), ("@until", claimUntil), ("@now", now), ("@id", 0L));
            var claimed = new HashSet<long>();
            foreach (var row in due)
            {
                claim.Parameters["@id"].Value = row.Id;
                if (claim.ExecuteNonQuery() == 1)
                {
                    claimed.Add(row.Id);
                }
            }

            return claimed;
        }, cancellationToken);

        var results = new ConcurrentDictionary<long, DeliveryResult>();
        try
        {
            await Parallel.ForEachAsync(
                due.GroupBy(o => o.ConversationId),
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
        }
        finally
        {
            // What the channels accepted is recorded even while stopping, or it would be sent twice.
            await RecordAsync(due.Where(r => mine.Contains(r.Id)).ToList(), results, CancellationToken.None);
        }

        return results.Count;
    }

    private async Task<DeliveryResult> DeliverAsync(PipelineRows.PendingOutbound row, CancellationToken cancellationToken)
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

    private async Task RecordAsync(List<PipelineRows.PendingOutbound> claimed, IReadOnlyDictionary<long, DeliveryResult> results, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var finished = new List<DeliveryFinished>();
        foreach (var row in claimed)
        {
            if (!results.TryGetValue(row.Id, out var result))
            {
                continue;
            }

            var attempts = row.Attempts + 1;
            switch (result.Outcome)
            {
                case DeliveryOutcome.Delivered:
                    finished.Add(new DeliveryFinished(row.ConversationId, row.Id, DeliveryOutcome.Delivered));
                    break;
                case DeliveryOutcome.Retry when attempts < _options.MaxDeliveryAttempts:
                    LogRetry(row.ConversationId, row.Id, attempts, RetryDelay(result, attempts), result.Error);
                    break;
                default:
                    LogFailed(row.ConversationId, row.Id, attempts, result.Error);
                    finished.Add(new DeliveryFinished(row.ConversationId, row.Id, DeliveryOutcome.Failed));
                    break;
            }
        }

        await writer.WriteAsync((connection, transaction) =>
        {
            using var update = Sql.Command(connection, transaction, """
                UPDATE "Outbox" SET "Status" = @status, "Attempts" = @attempts, "NextAttemptAt" = @next, "DeliveredAt" = @delivered,
                    "ChannelMessageId" = @channelMessageId, "LastError" = @error, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
                WHERE "Id" = @id AND "ClaimedBy" = @me
                """, ("@status", 0), ("@attempts", 0), ("@next", now), ("@delivered", null), ("@channelMessageId", null), ("@error", null), ("@id", 0L), ("@me", _options.InstanceId));
            using var release = Sql.Command(connection, transaction, """
                UPDATE "Outbox" SET "ClaimedBy" = NULL, "ClaimedUntil" = NULL WHERE "Id" = @id AND "ClaimedBy" = @me
                """, ("@id", 0L), ("@me", _options.InstanceId));
            foreach (var row in claimed)
            {
                if (!results.TryGetValue(row.Id, out var result))
                {
                    // Not tried: an earlier message of its conversation is waiting for a retry.
                    release.Parameters["@id"].Value = row.Id;
                    release.ExecuteNonQuery();
                    continue;
                }

                var attempts = row.Attempts + 1;
                var retry = result.Outcome == DeliveryOutcome.Retry && attempts < _options.MaxDeliveryAttempts;
                var status = result.Outcome == DeliveryOutcome.Delivered ? OutboxStatus.Delivered : retry ? OutboxStatus.Pending : OutboxStatus.Failed;
                update.Parameters["@status"].Value = (int)status;
                update.Parameters["@attempts"].Value = attempts;
                update.Parameters["@next"].Value = Sql.Time(retry ? now + RetryDelay(result, attempts) : now);
                update.Parameters["@delivered"].Value = status == OutboxStatus.Delivered ? Sql.Time(now) : DBNull.Value;
                update.Parameters["@channelMessageId"].Value = (object?)result.ChannelMessageId ?? DBNull.Value;
                update.Parameters["@error"].Value = (object?)result.Error ?? DBNull.Value;
                update.Parameters["@id"].Value = row.Id;
                update.ExecuteNonQuery();
            }

            return true;
        }, cancellationToken);

        foreach (var e in finished)
        {
            events.Raise(e);
        }
    }

    private TimeSpan RetryDelay(DeliveryResult result, int attempts) =>
        result.RetryAfter ?? PipelineOptions.Backoff(_options.DeliveryRetryDelay, attempts, _options.MaxRetryDelay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch round failed")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of outbox {OutboxId} in conversation {ConversationId} failed (attempt {Attempt}); retrying in {Delay}: {Error}")]
    private partial void LogRetry(string conversationId, long outboxId, int attempt, TimeSpan delay, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {OutboxId} in conversation {ConversationId} could not be delivered after {Attempt} attempt(s) and is marked failed: {Error}")]
    private partial void LogFailed(string conversationId, long outboxId, int attempt, string? error);
}
