using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Pipeline;

/// <summary>
/// Picks up inbox items nobody is working on: those left by a crash or restart (at start), and
/// those another instance left behind or that wait for a retry (every sweep interval).
/// </summary>
public sealed partial class InboxRecovery(
    IDbContextFactory<ConciergeDb> dbFactory,
    ConversationScheduler scheduler,
    TimeProvider clock,
    IOptions<PipelineOptions> options,
    ILogger<InboxRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var resumed = await SweepAsync(stoppingToken);
                if (first && resumed > 0)
                {
                    LogResumed(resumed);
                }

                first = false;
                await Task.Delay(options.Value.InboxSweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogSweepFailed(ex);
                await Task.Delay(options.Value.InboxSweepInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversations = await db.Inbox.AsNoTracking()
            .Where(i => i.Status == InboxStatus.Pending && i.NextAttemptAt <= now)
            .Select(i => i.ConversationId)
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var id in conversations)
        {
            scheduler.Notify(id);
        }

        return conversations.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} conversation(s) with unprocessed inbox items")]
    private partial void LogResumed(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox sweep failed")]
    private partial void LogSweepFailed(Exception exception);
}
