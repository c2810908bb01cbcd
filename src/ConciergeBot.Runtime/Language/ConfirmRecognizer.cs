namespace ConciergeBot.Language;

/// <summary>Yes or no in English or Indonesian, formal or chatty ("iya dong", "gak", "nope").</summary>
public static class ConfirmRecognizer
{
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "oke", "okey", "ok deh", "correct", "right", "confirm", "please do",
        "ya", "iya", "iyaa", "iye", "yoi", "betul", "benar", "bener", "boleh", "setuju", "siap", "mau", "baik", "sip", "lanjut", "jadi", "sudah", "udah", "sdh", "beres", "sudah beres",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "nah", "not really", "dont", "don't", "cancel",
        "tidak", "tdk", "gak", "ga", "nggak", "ngga", "enggak", "engga", "gk", "g", "jangan", "tidak usah", "gak usah", "ga usah", "nggak usah", "ga jadi", "gak jadi", "batal", "bukan",
    };

    public static bool? Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (Yes.Contains(normalized))
        {
            return true;
        }

        if (No.Contains(normalized))
        {
            return false;
        }

        // "ya boleh", "iya dong", "gak deh makasih": the first word decides when it is unambiguous.
        var words = normalized.Split(' ');
        var noFirst = No.Contains(words[0]) || (words.Length > 1 && No.Contains($"{words[0]} {words[1]}"));
        var yesFirst = Yes.Contains(words[0]);
        return noFirst ? false : yesFirst ? true : null;
    }
}
