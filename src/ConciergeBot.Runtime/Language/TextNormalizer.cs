using System.Globalization;
using System.Text;

namespace ConciergeBot.Language;

/// <summary>Lower case, no accents, no punctuation, single spaces: how customer text is compared.</summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || c is '+' or '#' or ':' or '/' or '-')
            {
                if (space && result.Length > 0)
                {
                    result.Append(' ');
                }

                space = false;
                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                space = true;
            }
        }

        return result.ToString();
    }

    public static string[] Words(string? text) => Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="normalizedText"/> as whole words.</summary>
    public static bool ContainsPhrase(string normalizedText, string phrase)
    {
        var p = Normalize(phrase);
        if (p.Length == 0)
        {
            return false;
        }

        var index = 0;
        while ((index = normalizedText.IndexOf(p, index, StringComparison.Ordinal)) >= 0)
        {
            var startOk = index == 0 || normalizedText[index - 1] == ' ';
            var end = index + p.Length;
            var endOk = end == normalizedText.Length || normalizedText[end] == ' ';
            if (startOk && endOk)
            {
                return true;
            }

            index = end;
        }

        return false;
    }
}
