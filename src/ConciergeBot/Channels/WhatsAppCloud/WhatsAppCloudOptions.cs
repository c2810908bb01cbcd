using System.ComponentModel.DataAnnotations;

namespace ConciergeBot.Channels.WhatsAppCloud;

/// <summary>
/// WhatsApp through Meta's Cloud API directly (<c>WhatsAppCloud</c> in appsettings.json); off while
/// <see cref="PhoneNumberId"/> or <see cref="AccessToken"/> is empty.
/// </summary>
public sealed class WhatsAppCloudOptions
{
    public const string Section = "WhatsAppCloud";

    /// <summary>The bearer token for the Graph API (a system user's permanent token in production).</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The Meta app's secret: it signs every notification (<c>X-Hub-Signature-256</c>).</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Any secret string, given to Meta with the callback URL; Meta echoes it when it verifies the webhook.</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>The sending number's id in Meta's API (not the phone number itself).</summary>
    public string PhoneNumberId { get; set; } = "";

    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://graph.facebook.com";

    [Required]
    [RegularExpression(@"^v\d+\.\d+$")]
    public string ApiVersion { get; set; } = "v21.0";

    public string WebhookPath { get; set; } = "/api/whatsapp/webhook";

    /// <summary>Approved templates by the name a message asks for: Meta's template name and its language code.</summary>
    public Dictionary<string, WhatsAppCloudTemplate> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    [Range(1, 100_000_000)]
    public long MaxMediaBytes { get; set; } = 16_000_000;

    public bool Enabled => !string.IsNullOrWhiteSpace(PhoneNumberId) && !string.IsNullOrWhiteSpace(AccessToken);

    /// <summary>Half a configuration is a mistake worth stopping the start for, not a channel silently off.</summary>
    public bool HalfConfigured => string.IsNullOrWhiteSpace(PhoneNumberId) != string.IsNullOrWhiteSpace(AccessToken);
}

/// <summary>An approved template in Meta's WhatsApp Manager: its name and language code (e.g. <c>id</c>, <c>en_US</c>).</summary>
public sealed class WhatsAppCloudTemplate
{
    public string Name { get; set; } = "";

    public string Language { get; set; } = "";
}
