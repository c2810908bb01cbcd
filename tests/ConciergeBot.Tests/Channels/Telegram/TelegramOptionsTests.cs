using ConciergeBot.Channels.Telegram;

namespace ConciergeBot.Tests.Channels.Telegram;

public sealed class TelegramOptionsTests
{
    [Fact]
    public void An_unconfigured_channel_is_off_and_valid()
    {
        Assert.True(new TelegramOptionsValidator().Validate(null, new TelegramOptions()).Succeeded);
    }

    [Fact]
    public void Webhook_mode_needs_a_secret_and_a_token_of_the_right_shape()
    {
        var result = new TelegramOptionsValidator().Validate(null, new TelegramOptions { BotToken = "not a token" });

        Assert.True(result.Failed);
        Assert.Contains("BotToken", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("WebhookSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Polling_mode_needs_no_secret()
    {
        var polling = new TelegramOptions { BotToken = FakeTelegramApi.Token, Mode = TelegramMode.Polling };

        Assert.True(new TelegramOptionsValidator().Validate(null, polling).Succeeded);
    }
}
