using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConciergeBot.Events;

/// <summary>
/// <c>X-Concierge-Signature: sha256=&lt;hex&gt;</c>: the lowercase hex HMAC-SHA256, keyed with the shared
/// secret, of <c>"&lt;X-Concierge-Timestamp&gt;.&lt;raw body&gt;"</c>. See <see cref="BusinessEventDispatcher"/>
/// for how a receiver checks it.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
