using System.ComponentModel.DataAnnotations;

namespace ConciergeBot.Channels.Twilio;

/// <summary>SMS and WhatsApp through Twilio (<c>Twilio</c> in appsettings.json); off while <see cref="AccountSid"/> is empty.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string AccountSid { get; set; } = "";

    /// <summary>Signs Twilio's webhooks; also the API password unless an API key is set.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>An API key (SK...) and its secret for sending, instead of the account's auth token.</summary>
    public string ApiKeySid { get; set; } = "";

    public string ApiKeySecret { get; set; } = "";

    /// <summary>The SMS number messages come from (E.164), unless <see cref="MessagingServiceSid"/> is set.</summary>
    public string SmsFrom { get; set; } = "";

    /// <summary>The WhatsApp sender, e.g. <c>whatsapp:+14155238886</c>.</summary>
    public string WhatsAppFrom { get; set; } = "";

    public string MessagingServiceSid { get; set; } = "";

    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>
    /// The address Twilio calls us at, e.g. <c>https://bot.example.com</c>. Signatures are computed over
    /// the URL exactly as Twilio requested it, which behind a proxy is not what the host sees; without
    /// it the request's own scheme and host are used.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    public string WebhookPath { get; set; } = "/api/twilio/messages";

    public string StatusPath { get; set; } = "/api/twilio/status";

    /// <summary>Approved WhatsApp templates by the name a message asks for: the Content SID (HX...) Twilio sends.</summary>
    public Dictionary<string, string> WhatsAppTemplates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Longest body one message carries; longer replies are split between sentences.</summary>
    [Range(160, 1600)]
    public int MaxBodyLength { get; set; } = 1600;

    [Range(1, 50_000_000)]
    public long MaxMediaBytes { get; set; } = 10_000_000;

    public bool Enabled => !string.IsNullOrWhiteSpace(AccountSid);
}
