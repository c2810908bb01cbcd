using ConciergeBot.Demo;

namespace ConciergeBot.WebChat;

/// <summary>The validated settings with their fallbacks applied: what the page and the embed script show.</summary>
public sealed record WebChatBranding(string Title, string PrimaryColor, string? LogoUrl, string DefaultLanguage, IReadOnlyList<string> AllowedOrigins)
{
    public static WebChatBranding From(WebChatOptions options, BusinessOptions business) => new(
        string.IsNullOrWhiteSpace(options.Title) ? business.Name : options.Title.Trim(),
        options.PrimaryColor.ToLowerInvariant(),
        string.IsNullOrWhiteSpace(options.LogoUrl) ? null : options.LogoUrl,
        string.IsNullOrEmpty(options.DefaultLanguage) ? business.DefaultLanguage : options.DefaultLanguage,
        [.. options.AllowedOrigins.Select(WebChatOrigins.Normalize).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)]);

    /// <summary>The locale Web Chat is given when the browser's language is neither English nor Indonesian.</summary>
    public string DefaultLocale => DefaultLanguage == "en" ? "en-US" : "id-ID";

    /// <summary>Black or white, whichever reads better on <see cref="PrimaryColor"/> (WCAG relative luminance), so any brand colour keeps its text legible.</summary>
    public string OnPrimaryColor
    {
        get
        {
            var luminance = 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
            return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000000" : "#ffffff";
        }
    }

    private double Channel(int index)
    {
        var value = Convert.ToInt32(PrimaryColor.Substring(index, 2), 16) / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
    }
}
