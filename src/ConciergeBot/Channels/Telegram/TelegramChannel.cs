namespace ConciergeBot.Channels.Telegram;

/// <summary>Names the Telegram channel shares with the rest of the bot.</summary>
public static class TelegramChannel
{
    /// <summary>The channel id on activities, inbox and outbox rows; conversations are <c>telegram:{chat id}</c>.</summary>
    public const string Id = "telegram";

    /// <summary>The Bot API's limit for one message's text.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>The Bot API's limit for a callback button's data, in bytes.</summary>
    public const int MaxCallbackDataBytes = 64;

    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public const string FilesRoute = "/api/telegram/files";
}
