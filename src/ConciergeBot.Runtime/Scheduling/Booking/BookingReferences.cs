using System.Security.Cryptography;
using System.Text;

namespace ConciergeBot.Scheduling.Booking;

/// <summary>
/// Booking references customers can read out and type: a short prefix and four characters from an
/// alphabet without look-alikes (no 0/O, 1/I/L), e.g. "BMJ-7K3Q".
/// </summary>
public static class BookingReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New(string prefix)
    {
        var code = new StringBuilder(prefix.Length + 5).Append(prefix).Append('-');
        for (var i = 0; i < 4; i++)
        {
            code.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        }

        return code.ToString();
    }

    /// <summary>
    /// What in a message could be a reference, as compared in storage (upper case, no dashes or
    /// spaces): each word with a digit in it, and each such word joined to the word before it
    /// ("BMJ 1001").
    /// </summary>
    public static IReadOnlyList<string> Candidates(string text)
    {
        var words = text.Split([' ', '\t', ',', '.', ':', '#', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant())
            .Where(w => w.Length > 0)
            .ToArray();
        var candidates = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            if (!words[i].Any(char.IsAsciiDigit))
            {
                continue;
            }

            if (words[i].Length >= 4)
            {
                candidates.Add(words[i]);
            }

            if (i > 0 && words[i - 1].All(char.IsAsciiLetter))
            {
                candidates.Add(words[i - 1] + words[i]);
            }
        }

        return candidates;
    }
}
