using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using Telegram.Bot.Types.ReplyMarkups;

namespace ConciergeBot.Channels.Telegram;

/// <summary>The bot's choices (suggested actions) as Telegram buttons.</summary>
internal static class TelegramKeyboards
{
    /// <summary>Marks callback data that stands for the button's own text, for a choice too long for the data's 64 bytes.</summary>
    public const string ByTextPrefix = "#";

    private const int ShortTitle = 12;

    public static ReplyMarkup? For(SuggestedActions? suggested, TelegramChoiceStyle style)
    {
        var choices = (suggested?.Actions ?? []).Where(a => a.Type != ActionTypes.OpenUrl && a.Title.Length > 0).ToList();
        if (style == TelegramChoiceStyle.InlineKeyboard)
        {
            return choices.Count == 0 ? null : new InlineKeyboardMarkup(Rows(choices.Select((c, i) => InlineKeyboardButton.WithCallbackData(c.Title, CallbackData(c, i))).ToList(), choices));
        }

        var rows = Rows(choices.Select(c => new KeyboardButton(c.Title)).ToList(), choices);
        return rows.Count == 0 ? null : new ReplyKeyboardMarkup(rows) { OneTimeKeyboard = true, ResizeKeyboard = true };
    }

    /// <summary>One button that sends the customer's own phone number as a contact, which links them to their bookings.</summary>
    public static ReplyMarkup SharePhone(string title) =>
        new ReplyKeyboardMarkup([[new KeyboardButton(title) { RequestContact = true }]]) { OneTimeKeyboard = true, ResizeKeyboard = true };

    /// <summary>Short answers (yes / no) side by side, anything longer one to a row so it is not cut off.</summary>
    private static List<List<T>> Rows<T>(List<T> buttons, List<CardAction> choices) =>
        choices.Count <= 3 && choices.All(c => c.Title.Length <= ShortTitle)
            ? buttons.Count == 0 ? [] : [buttons]
            : [.. buttons.Select(b => new List<T> { b })];

    private static string CallbackData(CardAction choice, int index)
    {
        var value = ValueOf(choice);
        return Encoding.UTF8.GetByteCount(value) <= TelegramChannel.MaxCallbackDataBytes && !value.StartsWith(ByTextPrefix, StringComparison.Ordinal)
            ? value
            : ByTextPrefix + index.ToString(CultureInfo.InvariantCulture);
    }

    private static string ValueOf(CardAction choice) =>
        choice.Value is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : choice.Title;
}
