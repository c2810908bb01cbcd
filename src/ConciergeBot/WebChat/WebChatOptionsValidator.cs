using Microsoft.Extensions.Options;

namespace ConciergeBot.WebChat;

/// <summary>
/// Checks what ends up in a header or an attribute and that data annotations cannot express: an origin
/// that is not exactly <c>scheme://host[:port]</c> could smuggle another directive into the
/// Content-Security-Policy, and a logo address could point at a script.
/// </summary>
internal sealed class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.LogoUrl) && !IsLogoAddress(options.LogoUrl))
        {
            failures.Add($"WebChat:LogoUrl must be an https:// address or a path starting with /, not '{options.LogoUrl}'.");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (WebChatOrigins.Normalize(origin) is null)
            {
                failures.Add($"WebChat:AllowedOrigins must hold origins like https://www.example.com (no path, no wildcard), not '{origin}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLogoAddress(string value)
    {
        if (value.StartsWith('/'))
        {
            // "//host/x" would be another host, and a backslash is read as a slash by browsers.
            return !value.StartsWith("//", StringComparison.Ordinal) && !value.Contains('\\') && Uri.IsWellFormedUriString(value, UriKind.Relative);
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.IsWellFormedOriginalString();
    }
}
