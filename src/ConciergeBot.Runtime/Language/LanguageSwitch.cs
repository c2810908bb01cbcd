namespace ConciergeBot.Language;

/// <summary>An explicit request to change language: "English please", "bahasa Indonesia saja", "in English?".</summary>
public static class LanguageSwitch
{
    private static readonly string[] ToEnglish =
    [
        "english please", "in english", "english", "speak english", "pakai bahasa inggris", "bahasa inggris", "english aja",
        "english saja", "can we speak english", "can you speak english", "inggris", "english only",
    ];

    private static readonly string[] ToIndonesian =
    [
        "bahasa indonesia", "bahasa indonesia saja", "bahasa indonesia aja", "pakai bahasa indonesia", "indonesian please",
        "in indonesian", "indonesian", "bahasa", "indonesia", "pake bahasa indonesia", "speak indonesian", "bhs indonesia",
    ];

    public static string? Requested(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0 || normalized.Split(' ').Length > 6)
        {
            return null;
        }

        if (ToEnglish.Any(p => normalized == p || TextNormalizer.ContainsPhrase(normalized, p) && Short(normalized)))
        {
            return Localization.Languages.English;
        }

        if (ToIndonesian.Any(p => normalized == p || TextNormalizer.ContainsPhrase(normalized, p) && Short(normalized)))
        {
            return Localization.Languages.Indonesian;
        }

        return null;
    }

    // "I live in Indonesia and my car broke" is not a request to switch language.
    private static bool Short(string normalized) =>
        normalized.Split(' ').Length <= 4 || normalized.Contains("bahasa", StringComparison.Ordinal) || normalized.Contains("speak", StringComparison.Ordinal) || normalized.Contains("please", StringComparison.Ordinal);
}
