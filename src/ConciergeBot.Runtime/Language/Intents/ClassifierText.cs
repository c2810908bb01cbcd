using System.Text;

namespace ConciergeBot.Language.Intents;

/// <summary>
/// The text the intent model sees, the same for training and for customers: normalized
/// (<see cref="TextNormalizer"/>), letters and digits only, a letter stretched for emphasis cut to
/// two ("halooo", "pleaseee" → "haloo", "pleasee"; the features also squeeze it to one), and every
/// number written as 0, so that "jam 3" and "jam 10" teach the model the same thing.
/// </summary>
internal static class ClassifierText
{
    public static string Prepare(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var result = new StringBuilder(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (char.IsDigit(c))
            {
                if (i == 0 || !char.IsDigit(normalized[i - 1]))
                {
                    result.Append('0');
                }
            }
            else if (!char.IsLetter(c))
            {
                if (result.Length > 0 && result[^1] != ' ')
                {
                    result.Append(' ');
                }
            }
            else if (result.Length < 2 || result[^1] != c || result[^2] != c)
            {
                result.Append(c);
            }
        }

        return result.ToString().Trim();
    }
}
