namespace ConciergeBot.Channels.Telegram;

/// <summary>The Telegram channel (<c>Telegram</c> in appsettings.json); without a bot token the channel is off.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The token BotFather gave (<c>123456:ABC...</c>). Keep it out of the repository: set <c>Telegram__BotToken</c>.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Telegram sends it back in <c>X-Telegram-Bot-Api-Secret-Token</c> on every webhook call (1–256 of A–Z, a–z, 0–9, _ and -).</summary>
    public string WebhookSecret { get; set; } = "";

    public string WebhookPath { get; set; } = "/api/telegram/webhook";

    /// <summary>Where Telegram reaches this host (<c>https://bot.example.com</c>): the webhook address and the stored files' links.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public TelegramMode Mode { get; set; } = TelegramMode.Webhook;

    /// <summary>The Bot API server; a local Bot API server or a test fake in its place.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>How the bot's choices are shown: buttons under the input box, or buttons under the message.</summary>
    public TelegramChoiceStyle Choices { get; set; } = TelegramChoiceStyle.ReplyKeyboard;

    /// <summary>Where photos and documents customers send are kept (relative to the working directory).</summary>
    public string FilesPath { get; set; } = "data/telegram-files";

    /// <summary>How long one <c>getUpdates</c> call waits for news in polling mode.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(25);

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}

public enum TelegramMode
{
    /// <summary>Telegram posts updates to <see cref="TelegramOptions.WebhookPath"/>; needs a public HTTPS address.</summary>
    Webhook,

    /// <summary>The host asks Telegram for updates (<c>getUpdates</c>): for a machine without a public address.</summary>
    Polling,
}

public enum TelegramChoiceStyle
{
    /// <summary>A one-time keyboard whose buttons send their text, like typing the choice.</summary>
    ReplyKeyboard,

    /// <summary>Buttons under the message; a tap is a callback query carrying the choice.</summary>
    InlineKeyboard,
}
