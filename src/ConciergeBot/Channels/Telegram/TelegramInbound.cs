using System.Globalization;
using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Customers;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;
using Activity = ConciergeBot.Activities.Activity;

namespace ConciergeBot.Channels.Telegram;

/// <summary>
/// One Telegram update read as the activity dialogs understand, before any I/O: the files still to
/// fetch, the contact to link and the callback query to answer come with it.
/// </summary>
internal sealed record TelegramInbound(Activity Activity, long ChatId, IReadOnlyList<TelegramFileRef> Files, SharedContact? Contact, string? CallbackQueryId)
{
    /// <summary>Null for updates the bot does not answer (edits, channel posts, membership changes).</summary>
    public static TelegramInbound? Read(Update update)
    {
        if (update.Message is { From: { } sender } message)
        {
            return FromMessage(update.Id, message, sender);
        }

        if (update.CallbackQuery is { } query)
        {
            var chatId = query.Message?.Chat.Id ?? query.From.Id;
            var activity = NewActivity(update.Id, chatId, query.From);
            activity.Text = ChoiceOf(query);
            activity.ChannelData!["callbackQueryId"] = query.Id;
            return new TelegramInbound(activity, chatId, [], null, query.Id);
        }

        return null;
    }

    private static TelegramInbound FromMessage(int updateId, Message message, User sender)
    {
        var activity = NewActivity(updateId, message.Chat.Id, sender);
        activity.ChannelData!["messageId"] = message.Id;
        activity.Text = message.Text ?? message.Caption;
        var files = new List<TelegramFileRef>();
        SharedContact? contact = null;

        if (message.Text is { } text && text.StartsWith('/'))
        {
            ReadCommand(activity, text, sender);
        }

        if (message.Contact is { } shared && PhoneOf(shared.PhoneNumber) is { } phone)
        {
            // The phone number is the answer whenever the bot asked for one; it identifies the customer only when it is the sender's own.
            activity.Text = phone;
            if (shared.UserId == sender.Id)
            {
                contact = new SharedContact(phone, NameOf(shared.FirstName, shared.LastName));
            }
        }

        if (message.Photo is { Length: > 0 } sizes)
        {
            var largest = sizes.MaxBy(s => (long)s.Width * s.Height)!;
            files.Add(new TelegramFileRef(largest.FileId, $"photo-{message.Id.ToString(CultureInfo.InvariantCulture)}.jpg", "image/jpeg", largest.FileSize));
        }

        if (message.Document is { } document)
        {
            files.Add(new TelegramFileRef(document.FileId, document.FileName, document.MimeType, document.FileSize));
        }

        return new TelegramInbound(activity, message.Chat.Id, files, contact, null);
    }

    /// <summary><c>/start</c> opens the conversation (the bot greets); the other commands are the words they stand for.</summary>
    private static void ReadCommand(Activity activity, string text, User sender)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var command = (space < 0 ? text[1..] : text[1..space]).Split('@')[0].ToLowerInvariant();
        var rest = space < 0 ? "" : text[(space + 1)..].Trim();
        switch (command)
        {
            case "start":
                activity.Type = ActivityTypes.ConversationUpdate;
                activity.Text = null;
                activity.MembersAdded = [new ChannelAccount(sender.Id.ToString(CultureInfo.InvariantCulture), activity.From!.Name)];
                break;
            case "stop" or "help" or "cancel":
                activity.Text = command;
                break;
            default:
                activity.Text = rest.Length > 0 ? rest : command;
                break;
        }
    }

    private static Activity NewActivity(int updateId, long chatId, User sender) => new()
    {
        Type = ActivityTypes.Message,
        // The update id is unique per bot: a redelivered update is the same inbox row.
        Id = updateId.ToString(CultureInfo.InvariantCulture),
        ChannelId = TelegramChannel.Id,
        Conversation = new ConversationAccount(chatId.ToString(CultureInfo.InvariantCulture)),
        From = new ChannelAccount(sender.Id.ToString(CultureInfo.InvariantCulture), NameOf(sender.FirstName, sender.LastName), "user"),
        Locale = sender.LanguageCode,
        ChannelData = new JsonObject { ["chatId"] = chatId },
    };

    /// <summary>The choice a callback button stands for: its data, or for a long choice the button's own text.</summary>
    private static string? ChoiceOf(CallbackQuery query)
    {
        if (query.Data is not { } data || !data.StartsWith(TelegramKeyboards.ByTextPrefix, StringComparison.Ordinal))
        {
            return query.Data;
        }

        return query.Message?.ReplyMarkup is InlineKeyboardMarkup markup
            ? markup.InlineKeyboard.SelectMany(row => row).FirstOrDefault(b => b.CallbackData == data)?.Text
            : null;
    }

    /// <summary>Telegram gives the number in international form, with or without the plus.</summary>
    private static string? PhoneOf(string raw)
    {
        // A contact from the address book may be written the local way (0812...), which is not "+0812...".
        var trimmed = raw.Trim();
        return trimmed.StartsWith('+') || trimmed.StartsWith('0') ? CustomerAddresses.NormalizePhone(trimmed) : CustomerAddresses.NormalizePhone("+" + trimmed);
    }

    private static string NameOf(string first, string? last) => string.IsNullOrWhiteSpace(last) ? first : $"{first} {last}";
}

/// <summary>A file the customer sent, still on Telegram's servers.</summary>
internal sealed record TelegramFileRef(string FileId, string? Name, string? ContentType, long? Size);

/// <summary>The sender's own phone number, shared with the "share my phone number" button.</summary>
internal sealed record SharedContact(string Phone, string DisplayName);
