using System.Threading.Channels;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Events;

/// <summary>
/// Posts committed <see cref="BusinessEvent"/>s to the business's webhook (<c>Webhooks:Url</c>), one at
/// a time and in the order they were written: an event waiting for a retry holds back the ones after
/// it, so a receiver sees an appointment's changes in the order they were made. Timeouts, no
/// connection, 408, 429 and 5xx are retried with exponential backoff (a <c>Retry-After</c> on 429 and
/// 503 is honoured) until <c>MaxAttempts</c>; a redirect or any other 4xx marks the event Failed at once
/// with the answer in <c>LastError</c>, since the receiver would refuse it again, and the next event goes.
/// <para>
/// Delivery is at least once. An instance claims events before posting them, so two instances never
/// post one event at the same time, but a crash between the receiver's answer and our record (or a
/// lost answer) posts that event again. The body's <c>id</c> (also <c>X-Concierge-Event-Id</c>) is the
/// same on every attempt: a receiver keeps the ids it has handled, answers 2xx to one it has seen, and
/// ignores it. Order holds except around an event that failed for good, which later events pass.
/// </para>
/// <para>
/// Each attempt is signed in the Stripe style. The body is
/// <c>{"id":"…","type":"appointment.rescheduled","occurredAt":"2026-12-01T02:00:00Z","data":{…}}</c>,
/// and <c>X-Concierge-Signature</c> is <c>sha256=</c> followed by the lowercase hex HMAC-SHA256, keyed
/// with the shared <c>Webhooks:Secret</c> (UTF-8), of <c>"{X-Concierge-Timestamp}.{raw body}"</c>, where
/// the timestamp is the unix seconds of the attempt. A receiver verifies it by:
/// (1) reading the raw body bytes before any JSON parsing (re-serialised JSON would not match);
/// (2) rejecting a timestamp more than a few minutes from its own clock;
/// (3) computing the HMAC over the timestamp header, a dot and the raw body, and comparing it with the
/// header's hex in constant time (e.g. <c>CryptographicOperations.FixedTimeEquals</c>); then
/// (4) dropping an <c>id</c> it has already handled.
/// The timestamp is signed so that a recorded delivery cannot be replayed later: changing the
/// timestamp breaks the signature, and an old one fails step 2. Each retry is signed anew.
/// </para>
/// </summary>
public sealed partial class BusinessEventDispatcher(
    DatabaseConnections connections,
    DatabaseWriter writer,
    IHttpClientFactory httpClients,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    IOptions<PipelineOptions> pipeline,
    ILogger<BusinessEventDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 16;

    // Long enough to post a whole batch, each event taking its full timeout, before another instance may take over.
    private static readonly TimeSpan ClaimFor = WebhookSender.RequestTimeout * BatchSize + TimeSpan.FromMinutes(1);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly WebhookOptions _options = options.Value;
    private readonly string _me = pipeline.Value.InstanceId;
    private readonly WebhookSender _sender = new(httpClients, clock);

    /// <summary>New events were committed: look now rather than at the next poll.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            LogNotPosting();
            return;
        }

        var url = new Uri(_options.Url!);
        // Only the scheme and host: the path of a webhook address often carries a token of its own.
        LogPosting($"{url.Scheme}://{url.Authority}");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(url, stoppingToken) > 0)
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
            var tick = Task.Delay(_options.PollInterval, clock, poll.Token);
            var woken = _wake.Reader.WaitToReadAsync(poll.Token).AsTask();
            await Task.WhenAny(tick, woken);
            await poll.CancelAsync();
            _wake.Reader.TryRead(out _);
        }
    }

    /// <returns>How many events were posted; zero when none may go now.</returns>
    private async Task<int> DispatchDueAsync(Uri url, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<PendingBusinessEvent> due;
        await using (var read = await connections.OpenAsync(cancellationToken))
        {
            due = BusinessEventRows.Deliverable(read, now, BatchSize);
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var mine = await writer.WriteAsync((connection, transaction) => BusinessEventRows.Claim(connection, transaction, due, _me, now, now + ClaimFor), cancellationToken);
        var posted = 0;
        try
        {
            foreach (var row in mine)
            {
                var result = await PostAsync(url, row, cancellationToken);
                posted++;
                if (!await RecordAsync(row, result))
                {
                    break;
                }
            }
        }
        finally
        {
            // Not posted (an earlier event waits for a retry, or we are stopping): free for the next round now, not when the claim runs out.
            var untried = mine.Skip(posted).ToList();
            if (untried.Count > 0)
            {
                await writer.WriteAsync((connection, transaction) =>
                {
                    BusinessEventRows.Release(connection, transaction, untried, _me);
                    return true;
                }, CancellationToken.None);
            }
        }

        return posted;
    }

    private async Task<WebhookResult> PostAsync(Uri url, PendingBusinessEvent row, CancellationToken cancellationToken)
    {
        try
        {
            return await _sender.PostAsync(url, _options.Secret!, row, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong with this one event is counted against its attempts, so it cannot stop the stream for good.
            return WebhookResult.Retry(ex.Message);
        }
    }

    /// <returns>Whether the next event may go: this one is settled and still ours.</returns>
    private async Task<bool> RecordAsync(PendingBusinessEvent row, WebhookResult result)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = row.Attempts + 1;
        var retry = result.Outcome == WebhookOutcome.Retry && attempts < _options.MaxAttempts;
        var status = result.Outcome == WebhookOutcome.Delivered ? BusinessEventStatus.Delivered : retry ? BusinessEventStatus.Pending : BusinessEventStatus.Failed;
        var delay = retry ? RetryDelay(result, attempts) : TimeSpan.Zero;

        // What the receiver accepted is recorded even while stopping, or it would be posted again.
        var recorded = await writer.WriteAsync(
            (connection, transaction) => BusinessEventRows.Record(
                connection, transaction, row.Id, _me, status, attempts, now + delay, status == BusinessEventStatus.Delivered ? now : null, result.Error),
            CancellationToken.None);

        switch (status)
        {
            case BusinessEventStatus.Delivered:
                LogDelivered(row.EventId, row.Type, attempts);
                break;
            case BusinessEventStatus.Pending:
                LogRetry(row.EventId, row.Type, attempts, delay, result.Error);
                break;
            default:
                LogFailed(row.EventId, row.Type, attempts, result.Error);
                break;
        }

        if (!recorded)
        {
            LogClaimLost(row.EventId, row.Type);
            return false;
        }

        return status != BusinessEventStatus.Pending;
    }

    /// <summary>The receiver's <c>Retry-After</c> when it sent one, kept between our first and longest waits; otherwise exponential backoff.</summary>
    private TimeSpan RetryDelay(WebhookResult result, int attempts) =>
        result.RetryAfter is { } asked
            ? TimeSpan.FromTicks(Math.Clamp(asked.Ticks, _options.RetryDelay.Ticks, _options.MaxRetryDelay.Ticks))
            : PipelineOptions.Backoff(_options.RetryDelay, attempts, _options.MaxRetryDelay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks:Url is empty: business events are kept in the BusinessEvents table and not posted")]
    private partial void LogNotPosting();

    [LoggerMessage(Level = LogLevel.Information, Message = "Business events are posted to {Receiver}")]
    private partial void LogPosting(string receiver);

    [LoggerMessage(Level = LogLevel.Error, Message = "Business event dispatch round failed")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Business event {BusinessEventId} ({EventType}) delivered (attempt {Attempt})")]
    private partial void LogDelivered(Guid businessEventId, string eventType, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Business event {BusinessEventId} ({EventType}) was not delivered (attempt {Attempt}); retrying in {Delay}: {Error}")]
    private partial void LogRetry(Guid businessEventId, string eventType, int attempt, TimeSpan delay, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Business event {BusinessEventId} ({EventType}) could not be delivered after {Attempt} attempt(s) and is marked failed: {Error}")]
    private partial void LogFailed(Guid businessEventId, string eventType, int attempt, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Business event {BusinessEventId} ({EventType}) was posted after this instance's claim ran out and another instance took it over: the receiver may get it twice")]
    private partial void LogClaimLost(Guid businessEventId, string eventType);
}
