using System.Text.RegularExpressions;
using ConciergeBot.Activities;

namespace ConciergeBot.Language;

/// <summary>
/// Finds which offered choice an answer means: a tapped button's value, its number ("2", "no 2",
/// "yang kedua"), its title or a synonym, alone or inside a sentence.
/// </summary>
public static partial class ChoiceRecognizer
{
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (Matches(normalized, choices[i], exact: true))
            {
                return new FoundChoice(choices[i].Value, i);
            }
        }

        // A number is the position the customer sees ("2" is the second option), even when
        // some option's internal value happens to be a number too.
        if (Index(normalized, choices.Count) is { } index)
        {
            return new FoundChoice(choices[index].Value, index);
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (TextNormalizer.Normalize(choices[i].Value) == normalized)
            {
                return new FoundChoice(choices[i].Value, i);
            }
        }

        var found = Enumerable.Range(0, choices.Count).Where(i => Matches(normalized, choices[i], exact: false)).ToList();
        return found.Count == 1 ? new FoundChoice(choices[found[0]].Value, found[0]) : null;
    }

    private static bool Matches(string normalized, Choice choice, bool exact)
    {
        IEnumerable<string> names = exact ? [choice.Title, .. choice.Synonyms ?? []] : [choice.Title, choice.Value, .. choice.Synonyms ?? []];
        return exact
            ? names.Any(n => TextNormalizer.Normalize(n) == normalized)
            : names.Any(n => TextNormalizer.ContainsPhrase(normalized, n));
    }

    private static int? Index(string normalized, int count)
    {
        var number = NumberShape().Match(normalized);
        int? n = number.Success ? int.Parse(number.Groups[1].Value) : null;
        if (n is null)
        {
            var words = normalized.Split(' ');
            var ordinal = words.Length <= 3 ? words.Select(w => NumberWords.Ordinals.GetValueOrDefault(w, NumberWords.OneToTwelve.GetValueOrDefault(w))).FirstOrDefault(v => v > 0) : 0;
            n = ordinal > 0 ? ordinal : null;
        }

        return n is >= 1 && n <= count ? n - 1 : null;
    }

    [GeneratedRegex(@"^(?:no|nomor|nomer|number|pilih|pilihan|option|yang)?\s*#?(\d{1,2})$")]
    private static partial Regex NumberShape();
}

public sealed record FoundChoice(string Value, int Index);
