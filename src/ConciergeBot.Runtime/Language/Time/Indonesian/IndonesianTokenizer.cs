using System.Globalization;
using System.Text;

namespace ConciergeBot.Language.Time.Indonesian;

/// <summary>
/// Splits chat text into words, numbers ("16.00", "5/12/2026", "3pm") and marks, keeping each one's
/// position. Numbers keep their separators because "10.30" (a time) and "5/12" (a date) differ only there.
/// </summary>
internal static class IndonesianTokenizer
{
    // After these words a glued "2" is a number ("jam2" is "jam 2"), not a doubled word ("besok2").
    private static readonly HashSet<string> TakesNumber =
    [
        "jam", "jm", "pukul", "pkl", "pk", "tgl", "tanggal", "tg", "setengah", "stgh", "stengah",
        "lewat", "lwt", "kurang", "krg", "lebih", "lbh", "at", "no", "nomor", "ke", "tiap", "in",
    ];

    private static readonly HashSet<string> NumberSuffixes = ["am", "pm", "an", "st", "nd", "rd", "th", "wib", "wita", "wit"];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetter(c))
            {
                i = ReadWord(text, i, tokens);
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ReadNumber(text, i, tokens);
            }
            else
            {
                tokens.Add(new Token(TokenKind.Mark, c.ToString(), i, i + 1));
                i++;
            }
        }

        return tokens;
    }

    private static int ReadWord(string text, int start, List<Token> tokens)
    {
        var word = new StringBuilder();
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
                i++;
            }
            else if (IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        var value = Plain(word.ToString());
        var doubled = false;
        if (i < text.Length && text[i] == '2' && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])) && !TakesNumber.Contains(value))
        {
            doubled = true;
            i++;
        }
        else if (i + value.Length < text.Length && text[i] == '-' && string.Compare(text, i + 1, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (i + 1 + value.Length == text.Length || !char.IsLetter(text[i + 1 + value.Length])))
        {
            doubled = true;
            i += 1 + value.Length;
        }

        tokens.Add(new Token(TokenKind.Word, value, start, i) { Doubled = doubled });
        return i;
    }

    private static int ReadNumber(string text, int start, List<Token> tokens)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var clockLike = false;
        while (i + 1 < text.Length && text[i] is '.' or ':' or '/' or '-' && char.IsAsciiDigit(text[i + 1]))
        {
            // "10.00-12.00" is a range of two clock times: the dash starts a new token.
            if (text[i] == '-' && clockLike)
            {
                break;
            }

            clockLike |= text[i] is '.' or ':';
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        var value = text[start..i];
        var suffixEnd = i;
        while (suffixEnd < text.Length && char.IsAsciiLetter(text[suffixEnd]))
        {
            suffixEnd++;
        }

        var suffix = text[i..suffixEnd].ToLowerInvariant();
        if (suffix.Length > 0 && NumberSuffixes.Contains(suffix))
        {
            tokens.Add(new Token(TokenKind.Number, value, start, suffixEnd) { Suffix = suffix });
            return suffixEnd;
        }

        // Any other glued letters ("2org", "5des") are a word of their own.
        tokens.Add(new Token(TokenKind.Number, value, start, i));
        return i;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u02BC';

    private static string Plain(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.All(char.IsAscii))
        {
            return lower;
        }

        var plain = new StringBuilder(lower.Length);
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }

        return plain.ToString();
    }
}
