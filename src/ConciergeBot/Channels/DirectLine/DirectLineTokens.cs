using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>What a token allows: one conversation, until it expires.</summary>
public sealed record DirectLineGrant(string ConversationId, DateTimeOffset Expires);

/// <summary>
/// Tokens scoped to one conversation: the conversation id and expiry, signed with HMAC-SHA256 under a
/// key derived from the Direct Line secret. They are opaque to clients (not JWTs, so no claim of
/// ours is read by Web Chat as a user id) and checked without a database lookup.
/// </summary>
public sealed class DirectLineTokens
{
    private readonly byte[] _key;
    private readonly byte[]? _secret;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider clock)
    {
        var secret = options.Value.Secret;
        _secret = secret.Length > 0 ? Encoding.UTF8.GetBytes(secret) : null;
        _key = _secret is null ? RandomNumberGenerator.GetBytes(32) : HMACSHA256.HashData(_secret, "directline-token-key"u8);
        _clock = clock;
        _lifetime = options.Value.TokenLifetime;
    }

    public TimeSpan Lifetime => _lifetime;

    public string Issue(string conversationId)
    {
        var expires = _clock.GetUtcNow() + _lifetime;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(conversationId, expires.ToUnixTimeSeconds()));
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, payload))}";
    }

    /// <summary>The grant of a valid, unexpired token; null for anything else.</summary>
    public DirectLineGrant? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Split('.') is not [var body, var signature])
        {
            return null;
        }

        try
        {
            var payload = WebEncoders.Base64UrlDecode(body);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), WebEncoders.Base64UrlDecode(signature)))
            {
                return null;
            }

            var read = JsonSerializer.Deserialize<TokenPayload>(payload);
            var expires = DateTimeOffset.FromUnixTimeSeconds(read!.Exp);
            return read.Conv is { Length: > 0 } && expires > _clock.GetUtcNow() ? new DirectLineGrant(read.Conv, expires) : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="value"/> is the Direct Line secret itself.</summary>
    public bool IsSecret(string? value) =>
        _secret is not null && value is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), _secret);

    private sealed record TokenPayload(string Conv, long Exp);
}
