using System.Security.Cryptography;

namespace ConciergeBot.Tickets;

/// <summary>Short references customers can read out: no 0/O or 1/I to confuse.</summary>
public static class TicketReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => "TKT-" + Random(6);

    public static string Voucher(string prefix) => $"{prefix}-{Random(6)}";

    private static string Random(int length) => string.Create(length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });
}
