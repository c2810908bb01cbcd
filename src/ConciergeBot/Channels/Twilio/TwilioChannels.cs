namespace ConciergeBot.Channels.Twilio;

/// <summary>Our channel ids for what arrives through Twilio: WhatsApp addresses are <c>whatsapp:+62...</c>, SMS ones plain numbers.</summary>
public static class TwilioChannels
{
    public const string Sms = "sms";
    public const string WhatsApp = "whatsapp";
    public const string WhatsAppPrefix = "whatsapp:";

    public static readonly IReadOnlyList<string> All = [Sms, WhatsApp];

    public static string Of(string address) =>
        address.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? WhatsApp : Sms;
}
