using Microsoft.Net.Http.Headers;

namespace ConciergeBot.Hosting;

/// <summary>
/// Files the build copies to <c>wwwroot/{area}</c> of the output folder (a page's own scripts and styles,
/// bundles from npm), served by the host itself under a fixed list of names: never from a CDN, and never
/// a file that is not on the list.
/// </summary>
internal static class BuiltAssets
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static string Folder(string area) => Path.Combine(AppContext.BaseDirectory, "wwwroot", area);

    /// <summary>The listed files that the build did not put in <paramref name="folder"/>.</summary>
    public static IEnumerable<string> Missing(string folder, IEnumerable<string> files) =>
        files.Where(file => !File.Exists(Path.Combine(folder, file)));

    /// <summary><c>{prefix}/{file}</c> for each listed file (name and content type) in <paramref name="folder"/>.</summary>
    public static void MapBuiltAssets(this IEndpointRouteBuilder app, string prefix, string folder, IReadOnlyDictionary<string, string> files)
    {
        foreach (var (file, contentType) in files)
        {
            var path = Path.Combine(folder, file);
            app.MapMethods($"{prefix}/{file}", GetOrHead, (HttpContext context) => Serve(context, path, contentType)).ExcludeFromDescription();
        }
    }

    private static IResult Serve(HttpContext context, string path, string contentType)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        // Revalidate every time (a 304 when unchanged), so an upgraded bundle is never mixed with an old page script.
        context.Response.Headers.CacheControl = "no-cache";
        var etag = new EntityTagHeaderValue($"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"");
        return TypedResults.PhysicalFile(info.FullName, contentType, lastModified: info.LastWriteTimeUtc, entityTag: etag);
    }
}
