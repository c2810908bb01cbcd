using System.Threading.Channels;
using ConciergeBot.Activities;
using ConciergeBot.Conversations;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Handoff;

/// <summary>
/// Tells waiting customers when they move up the queue: only when their position improved, only while
/// people are in, and at most once per <see cref="HandoffOptions.PositionUpdateEvery"/> (reaching the
/// front is always told). Runs on every queue change here and on a sweep that catches other instances'.
/// The position told is updated in the same write as the message, guarded by what was told before,
/// so two instances never send the same update twice.
/// </summary>
public sealed partial class QueuePositionNotifier(
    HandoffQueue queue,
    HandoffSignals signals,
    DatabaseWriter writer,
    LocaleCatalog locales,
    BusinessDirectory businesses,
    OutboxDispatcher outbox,
    IOptions<HandoffOptions> options,
    TimeProvider clock,
    ILogger<QueuePositionNotifier> logger) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signals.Changed += OnChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await TellPositionsAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogSweepFailed(ex);
                }

                using var sweep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                sweep.CancelAfter(options.Value.SweepEvery);
                try
                {
                    await _wake.Reader.ReadAsync(sweep.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            signals.Changed -= OnChanged;
        }
    }

    private void OnChanged(HandoffChange change)
    {
        if (change.QueueChanged)
        {
            Wake();
        }
    }

    /// <summary>One pass over the queue; public so tests can run it on their own clock.</summary>
    public async Task<int> TellPositionsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!queue.Hours.IsStaffed(now))
        {
            return 0;
        }

        var told = 0;
        foreach (var waiting in await queue.WaitingAsync(null, cancellationToken))
        {
            var standing = await queue.StandingAsync(waiting, cancellationToken);
            var improved = waiting.PositionTold is not { } before || standing.Ahead < before;
            var due = standing.Ahead == 0 || waiting.PositionToldAt is not { } last || now - last >= options.Value.PositionUpdateEvery;
            if (!improved || !due)
            {
                continue;
            }

            var text = locales.Get(waiting.Language, HandoffTexts.Update, ("position", QueueWording.Describe(standing, waiting.Language, locales, businesses.Current)));
            if (await TellAsync(waiting, standing.Ahead, text, now, cancellationToken))
            {
                told++;
            }
        }

        if (told > 0)
        {
            outbox.Wake();
        }

        return told;
    }

    private Task<bool> TellAsync(HandoffCase waiting, int ahead, string text, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.WriteAsync((connection, transaction) =>
        {
            using (var update = Sql.Command(connection, transaction, """
                UPDATE "HandoffCases" SET "PositionTold" = @ahead, "PositionToldAt" = @now
                WHERE "Id" = @id AND "Status" = 0 AND "PositionTold" IS @before
                """, ("@ahead", ahead), ("@now", now.UtcDateTime), ("@id", waiting.Id), ("@before", waiting.PositionTold)))
            {
                if (update.ExecuteNonQuery() == 0)
                {
                    return false;
                }
            }

            return ProactiveMessages.Enqueue(connection, transaction, waiting.ConversationId, MessageFactory.Text(text), waiting.Language, now) is not null;
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling waiting customers their queue position failed; trying again on the next change or sweep")]
    private partial void LogSweepFailed(Exception exception);
}
