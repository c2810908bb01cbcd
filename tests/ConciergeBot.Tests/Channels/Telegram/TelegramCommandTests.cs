using ConciergeBot.Channels.Telegram;

namespace ConciergeBot.Tests.Channels.Telegram;

public sealed class TelegramCommandTests
{
    [Fact]
    public async Task Set_webhook_gives_Telegram_the_public_address_the_secret_and_the_updates_we_read()
    {
        using var api = new FakeTelegramApi();
        using var output = new StringWriter();

        var exit = await TelegramCommand.RunAsync(
            ["set-webhook", $"--Telegram:BotToken={FakeTelegramApi.Token}", $"--Telegram:ApiBaseUrl={api.Url}",
             "--Telegram:PublicBaseUrl=https://bot.example.com/", "--Telegram:WebhookSecret=s3cret-token"], output);

        var call = api.Calls("setWebhook").Single();
        Assert.Equal(0, exit);
        Assert.Equal("https://bot.example.com/api/telegram/webhook", call["url"]!.GetValue<string>());
        Assert.Equal("s3cret-token", call["secret_token"]!.GetValue<string>());
        Assert.Equal(["message", "callback_query"], call["allowed_updates"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Contains("https://bot.example.com/api/telegram/webhook", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_webhook_without_a_public_https_address_says_what_is_missing()
    {
        using var api = new FakeTelegramApi();
        using var output = new StringWriter();

        var exit = await TelegramCommand.RunAsync(["set-webhook", $"--Telegram:BotToken={FakeTelegramApi.Token}", $"--Telegram:ApiBaseUrl={api.Url}", "--Telegram:WebhookSecret=s3cret"], output);

        Assert.Equal(2, exit);
        Assert.Contains("PublicBaseUrl", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(api.Calls("setWebhook"));
    }
}
