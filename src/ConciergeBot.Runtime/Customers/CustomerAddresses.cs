using System.Text.RegularExpressions;

namespace ConciergeBot.Customers;

/// <summary>
/// How a channel's user id becomes a customer address. SMS and WhatsApp (through Twilio or Meta's
/// Cloud API) share one kind (the phone number in E.164), so a customer who writes on both is one customer.
/// </summary>
public static partial class CustomerAddresses
{
    public const string Phone = "phone";
    public const string Telegram = "telegram";
    public const string WebChat = "webchat";
    public const string Terminal = "terminal";

    public static (string Kind, string Value) FromChannel(string channel, string userId)
    {
        switch (channel)
        {
            case "sms":
            case "whatsapp":
                return (Phone, NormalizePhone(userId) ?? userId);
            case "whatsapp-cloud":
                // WhatsApp's Cloud API gives the full international number without its '+'.
                return (Phone, NormalizePhone("+" + userId.TrimStart('+')) ?? userId);
            case "telegram":
                return (Telegram, userId);
            case "webchat":
            case "directline":
                return (WebChat, userId);
            default:
                return NormalizePhone(userId) is { } phone ? (Phone, phone) : (channel, userId);
        }
    }

    /// <summary>E.164 for a number written as +62..., 62..., 0812... (Indonesia) or whatsapp:+62...; null if it is not a phone number.</summary>
    public static string? NormalizePhone(string raw)
    {
        var text = raw.Trim();
        if (text.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["whatsapp:".Length..];
        }

        text = Separators().Replace(text, "");
        if (!PhoneShape().IsMatch(text))
        {
            return null;
        }

        if (text.StartsWith('+'))
        {
            return text;
        }

        if (text.StartsWith('0'))
        {
            return "+62" + text[1..];
        }

        return text.StartsWith("62", StringComparison.Ordinal) ? "+" + text : null;
    }

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+?\d{8,15}$")]
    private static partial Regex PhoneShape();
}
