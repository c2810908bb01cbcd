using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace ConciergeBot.Channels.Telegram;

/// <summary>
/// Polling mode, for a machine Telegram cannot reach: asks for updates with a long <c>getUpdates</c>
/// and confirms each one (the next offset) only after it is in the inbox, so a crash or an outage
/// means the update comes again, never that it is lost.
/// </summary>
internal sealed partial class TelegramPolling(
    ITelegramBotClient bot,
    TelegramUpdates updates,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramPolling> logger) : BackgroundService
{
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    private const int AttemptsPerUpdate = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timeout = (int)options.Value.PollTimeout.TotalSeconds;
        int? offset = null;
        var failures = 0;
        (int? Update, int Attempts) failing = (null, 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await bot.GetUpdates(offset, limit: 100, timeout: timeout, allowedUpdates: AllowedUpdates, cancellationToken: stoppingToken);
                foreach (var update in batch)
                {
                    try
                    {
                        await updates.AcceptAsync(update, stoppingToken);
                    }
                    catch (Exception ex) when (!IsPassing(ex) && !stoppingToken.IsCancellationRequested)
                    {
                        // One update that can never be stored (not a passing fault: a database or network one
                        // waits however long it lasts) must not hold up everyone else's messages.
                        failing = (update.Id, update.Id == failing.Update ? failing.Attempts + 1 : 1);
                        if (failing.Attempts < AttemptsPerUpdate)
                        {
                            throw;
                        }

                        LogUpdateSkipped(ex, update.Id, failing.Attempts);
                    }

                    offset = update.Id + 1;
                }

                failures = 0;
                continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 409)
            {
                LogWebhookActive(ex.Message);
            }
            catch (Exception ex)
            {
                LogPollFailed(ex, failures + 1);
            }

            failures++;
            var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(failures - 1, 16)));
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram refuses getUpdates while a webhook is set ({Error}); run 'telegram delete-webhook' or use Mode Webhook")]
    private partial void LogWebhookActive(string error);

    private static bool IsPassing(Exception ex) =>
        ex is Microsoft.Data.Sqlite.SqliteException or IOException or HttpRequestException or TimeoutException or OperationCanceledException or RequestException;

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {UpdateId} could not be stored after {Attempts} attempts and is skipped")]
    private partial void LogUpdateSkipped(Exception exception, int updateId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling Telegram failed ({Failures} in a row); trying again shortly")]
    private partial void LogPollFailed(Exception exception, int failures);
}
