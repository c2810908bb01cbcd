using System.ComponentModel.DataAnnotations;

namespace ConciergeBot.WebChat;

/// <summary>How the chat page and the embeddable button look; configuration section <c>WebChat</c>.</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>The page's heading and title; the business's name (<c>Business:Name</c>) when empty.</summary>
    [MaxLength(80)]
    public string? Title { get; set; }

    /// <summary>The brand colour as <c>#rrggbb</c>: the header, the customer's bubbles, the suggested actions.</summary>
    [Required]
    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "WebChat:PrimaryColor must look like #0b6e4f.")]
    public string PrimaryColor { get; set; } = "#0b6e4f";

    /// <summary>An <c>https://</c> address or a path on this host (<c>/logo.png</c>); no logo when empty.</summary>
    public string? LogoUrl { get; set; }

    /// <summary><c>en</c> or <c>id</c>, for browsers in neither language; <c>Business:DefaultLanguage</c> when empty.</summary>
    [RegularExpression("^(en|id)$", ErrorMessage = "WebChat:DefaultLanguage must be en or id.")]
    public string? DefaultLanguage { get; set; }

    /// <summary>Origins (<c>https://www.example.com</c>) whose pages may show the chat in a frame, as the embed script does.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
