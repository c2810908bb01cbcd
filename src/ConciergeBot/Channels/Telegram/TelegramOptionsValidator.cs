using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.Telegram;

/// <summary>A configured Telegram channel with a wrong setting stops the host at start rather than failing on the first update.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!TokenShape().IsMatch(options.BotToken))
        {
            failures.Add("Telegram:BotToken does not look like a bot token (123456:ABC...).");
        }

        if (options.Mode == TelegramMode.Webhook && !SecretShape().IsMatch(options.WebhookSecret))
        {
            failures.Add("Telegram:WebhookSecret is required in webhook mode: 1 to 256 of A-Z, a-z, 0-9, _ and -.");
        }

        if (!options.WebhookPath.StartsWith('/') || options.WebhookPath.Contains('?', StringComparison.Ordinal))
        {
            failures.Add("Telegram:WebhookPath must be a path starting with '/'.");
        }

        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add("Telegram:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (options.PublicBaseUrl.Length > 0 && !IsHttpUrl(options.PublicBaseUrl))
        {
            failures.Add("Telegram:PublicBaseUrl must be an absolute http(s) URL such as https://bot.example.com.");
        }

        if (options.PollTimeout < TimeSpan.Zero || options.PollTimeout > TimeSpan.FromSeconds(50))
        {
            failures.Add("Telegram:PollTimeout must be between 0 and 50 seconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
