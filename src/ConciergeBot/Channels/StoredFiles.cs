using Microsoft.AspNetCore.StaticFiles;

namespace ConciergeBot.Channels;

/// <summary>
/// Files customers sent, served back to agents. Only plain photos are shown inline; anything else (an
/// SVG, an HTML page) is a download and can never run as a page of ours, where the agent's sign-in lives.
/// </summary>
public static class StoredFiles
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static readonly HashSet<string> ShownInline = new(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png", "image/gif", "image/webp" };

    public static IResult Serve(string path, string downloadName)
    {
        var type = ContentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream";
        return ShownInline.Contains(type)
            ? new Guarded(TypedResults.PhysicalFile(path, type))
            : new Guarded(TypedResults.PhysicalFile(path, "application/octet-stream", downloadName));
    }

    private sealed class Guarded(IResult file) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            httpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            return file.ExecuteAsync(httpContext);
        }
    }
}
