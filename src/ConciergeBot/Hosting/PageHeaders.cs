namespace ConciergeBot.Hosting;

/// <summary>The headers every HTML page of the host carries.</summary>
internal static class PageHeaders
{
    public static void Apply(HttpResponse response, string contentSecurityPolicy)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        // A page may carry a nonce that is new on every response, or a signed-in person's view: no cache keeps it.
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
