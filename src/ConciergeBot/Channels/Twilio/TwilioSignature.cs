using System.Security.Cryptography;
using System.Text;

namespace ConciergeBot.Channels.Twilio;

/// <summary>
/// <c>X-Twilio-Signature</c>: base64 of HMAC-SHA1, keyed with the auth token, over the URL Twilio
/// requested followed by every POST parameter sorted by name, as name and value with no separators.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>True when <paramref name="signature"/> signs the request; the URL is tried with and without its scheme's default port, as Twilio's own helper does.</summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(signature);
        var list = parameters.ToList();
        return UrlVariants(url).Any(candidate =>
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Compute(authToken, candidate, list)), given));
    }

    private static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsDefaultPort)
        {
            yield break;
        }

        // Only the authority changes; the path and query stay exactly as Twilio wrote them.
        var authority = url.IndexOf(uri.Host, StringComparison.OrdinalIgnoreCase) + uri.Host.Length;
        var explicitPort = $":{uri.Port}";
        yield return url.AsSpan(authority).StartsWith(explicitPort, StringComparison.Ordinal)
            ? url.Remove(authority, explicitPort.Length)
            : url.Insert(authority, explicitPort);
    }
}
