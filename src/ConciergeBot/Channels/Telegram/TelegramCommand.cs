using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace ConciergeBot.Channels.Telegram;

/// <summary>
/// <c>telegram set-webhook|delete-webhook|webhook-info</c>: tells Telegram where to post updates
/// (<c>PublicBaseUrl</c> + <c>WebhookPath</c>, with the secret it must send back), or to stop.
/// </summary>
public static class TelegramCommand
{
    private const string Usage = """
        usage: telegram set-webhook      Telegram posts updates to Telegram:PublicBaseUrl + Telegram:WebhookPath with Telegram:WebhookSecret
               telegram delete-webhook   no more webhook calls (for polling mode)
               telegram webhook-info     what Telegram has: the address, pending updates, the last error
        Host settings (--Telegram:BotToken=...) may follow; better, set Telegram__BotToken in the environment.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        var verb = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. args.Where(a => a != verb)], ContentRootPath = AppContext.BaseDirectory });
        var options = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!options.Enabled)
        {
            await output.WriteLineAsync("Telegram:BotToken is not set.");
            return 2;
        }

        if (new TelegramOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            await output.WriteLineAsync(invalid.FailureMessage);
            return 2;
        }

        using var http = new HttpClient();
        var bot = TelegramClientFactory.Create(options, http);
        switch (verb)
        {
            case "set-webhook":
                if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var publicBase) || publicBase.Scheme != Uri.UriSchemeHttps || options.WebhookSecret.Length == 0)
                {
                    await output.WriteLineAsync("set-webhook needs Telegram:PublicBaseUrl (https://...) and Telegram:WebhookSecret.");
                    return 2;
                }

                var url = options.PublicBaseUrl.TrimEnd('/') + options.WebhookPath;
                await bot.SetWebhook(url, allowedUpdates: TelegramPolling.AllowedUpdates, secretToken: options.WebhookSecret);
                await output.WriteLineAsync($"Telegram now posts updates to {url}.");
                return 0;
            case "delete-webhook":
                await bot.DeleteWebhook();
                await output.WriteLineAsync("Telegram no longer posts updates; polling mode can take them.");
                return 0;
            case "webhook-info":
                var info = await bot.GetWebhookInfo();
                await output.WriteLineAsync($"url: {(info.Url.Length == 0 ? "(none)" : info.Url)}");
                await output.WriteLineAsync($"pending updates: {info.PendingUpdateCount}");
                await output.WriteLineAsync($"last error: {info.LastErrorMessage ?? "(none)"} {info.LastErrorDate}");
                return 0;
            default:
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }
}
