using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ConciergeBot.Scheduling.Booking;

/// <summary>
/// References customers read out on the phone or type on a keypad: the business's initials and four
/// characters with no look-alikes (no 0/O, 1/I/L, U/V), e.g. "BMJ-7K3Q".
/// </summary>
public static partial class BookingReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";

    public static string New(string businessName)
    {
        var initials = new string([.. businessName
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.FirstOrDefault(char.IsAsciiLetter))
            .Where(c => c != default)
            .Take(3)
            .Select(char.ToUpperInvariant)]);
        return $"{(initials.Length > 0 ? initials : "APT")}-{RandomNumberGenerator.GetString(Alphabet, 4)}";
    }

    /// <summary>
    /// A new reference that <paramref name="taken"/> does not know yet. Collisions are rare (29^4 codes
    /// per business); a few tries make them vanishingly so, and the unique index catches the rest.
    /// </summary>
    public static string Unused(string businessName, Func<string, bool> taken)
    {
        var reference = New(businessName);
        for (var attempt = 0; attempt < 5 && taken(reference); attempt++)
        {
            reference = New(businessName);
        }

        return reference;
    }

    /// <summary>A reference given by a client or an import: printable, no spaces, at most 64 characters.</summary>
    public static bool IsValid(string reference) => Shape().IsMatch(reference);

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

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$")]
    private static partial Regex Shape();
}
