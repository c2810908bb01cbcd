namespace ConciergeBot.WebChat;

/// <summary>The page's Content-Security-Policy: scripts only from this host, styles from this host or carrying the page's nonce.</summary>
internal static class ContentSecurityPolicy
{
    /// <summary>The CSP hash of an empty string.</summary>
    public const string EmptyStyleHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    public static string ForPage(string nonce, IReadOnlyList<string> frameAncestors) => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        // Web Chat's CSS-in-JS adds <style> elements carrying the nonce it is given, except the transcript's
        // scroller (react-scroll-to-bottom), whose element Web Chat 4.18 creates without it. Those elements
        // are empty when added (the rules go in through the CSSOM, which CSP does not govern), so the hash
        // of the empty text admits them and nothing else.
        $"style-src 'self' 'nonce-{nonce}' '{EmptyStyleHash}'",
        // Cards may show images from anywhere on https; uploads come back as blob: and data: previews.
        "img-src 'self' data: blob: https:",
        "media-src 'self' blob: https:",
        "font-src 'self' data:",
        // 'self' covers ws:/wss: to this host, which is where the Direct Line stream lives.
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        string.Join(' ', ["frame-ancestors 'self'", .. frameAncestors]));
}
