namespace ConciergeBot.Localization;

public static class Languages
{
    public const string English = "en";
    public const string Indonesian = "id";

    public static IReadOnlyList<string> Supported { get; } = [English, Indonesian];

    /// <summary>Maps a locale such as "id-ID" or "en-US" to a supported language, or null.</summary>
    public static string? FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var code = locale.Split('-', '_')[0].ToLowerInvariant();
        return code switch
        {
            "en" => English,
            "id" or "in" or "ms" => Indonesian,
            _ => null,
        };
    }

    public static System.Globalization.CultureInfo Culture(string language) =>
        System.Globalization.CultureInfo.GetCultureInfo(language == Indonesian ? "id-ID" : "en-GB");
}
