namespace ConciergeBot.Channels.DirectLine;

/// <summary>Who is calling: the holder of the secret (any conversation), a token (its one conversation), or nobody.</summary>
internal sealed record DirectLineCaller(bool HasSecret, DirectLineGrant? Grant)
{
    public static DirectLineCaller From(HttpContext http, DirectLineTokens tokens, string? queryToken = null)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var credential = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : queryToken;
        return tokens.IsSecret(credential) ? new DirectLineCaller(true, null) : new DirectLineCaller(false, tokens.Read(credential));
    }

    public bool IsAuthenticated => HasSecret || Grant is not null;

    /// <summary>A token reads and writes only its own conversation; the secret reaches all.</summary>
    public bool May(string conversationId) => HasSecret || Grant?.ConversationId == conversationId;
}
