using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace ConciergeBot.Channels.Telegram;

/// <summary>The Bot API client for the configured token and server.</summary>
internal static class TelegramClientFactory
{
    public const string HttpClientName = "telegram";

    public static ITelegramBotClient Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        return Create(options, http);
    }

    public static ITelegramBotClient Create(TelegramOptions options, HttpClient http) =>
        new TelegramBotClient(new TelegramBotClientOptions(options.BotToken, options.ApiBaseUrl)
        {
            // A 429 goes back to the outbox, which waits retry_after without holding a delivery slot.
            RetryThreshold = 0,
        }, http);
}
