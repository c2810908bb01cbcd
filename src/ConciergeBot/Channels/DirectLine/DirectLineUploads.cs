using System.Security.Cryptography;
using ConciergeBot.Activities;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>
/// Files sent with a message (photos of a problem): stored under an unguessable name and served back
/// by URL, since Web Chat drops the browser's own <c>blob:</c> links from the echo.
/// </summary>
internal static class DirectLineUploads
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static async Task<IResult> UploadAsync(
        string conversationId, string? userId, HttpContext http, DirectLineTokens tokens, DirectLineTranscript transcript, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        if (DirectLineEndpoints.Refuse(http, tokens, conversationId) is { } refused)
        {
            return refused;
        }

        var limit = options.Value.MaxUploadBytes;
        if (!http.Request.HasFormContentType || http.Request.ContentLength > limit + 64_000)
        {
            return TypedResults.BadRequest(new { error = $"Send multipart/form-data with an 'activity' part and files of at most {limit} bytes." });
        }

        if (!await transcript.ExistsAsync(conversationId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var activity = ReadActivity(form) ?? new Activity { Type = ActivityTypes.Message };
        activity.From ??= new ChannelAccount(userId ?? DirectLineEndpoints.UserFallback(conversationId));
        var folder = Path.Combine(Path.GetFullPath(options.Value.UploadsPath), conversationId);
        Directory.CreateDirectory(folder);
        activity.Attachments = [];
        foreach (var file in form.Files.Where(f => f.Name != "activity"))
        {
            if (file.Length > limit)
            {
                return TypedResults.BadRequest(new { error = $"'{file.FileName}' is larger than {limit} bytes." });
            }

            var extension = Path.GetExtension(file.FileName) is { Length: > 1 and <= 10 } ext && ext.Skip(1).All(char.IsAsciiLetterOrDigit) ? ext.ToLowerInvariant() : ".bin";
            var stored = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
            await using (var target = File.Create(Path.Combine(folder, stored)))
            {
                await file.CopyToAsync(target, cancellationToken);
            }

            activity.Attachments.Add(new Attachment
            {
                ContentType = ContentTypes.TryGetContentType(stored, out var type) ? type : "application/octet-stream",
                ContentUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/v3/directline/attachments/{conversationId}/{stored}",
                Name = Path.GetFileName(file.FileName),
            });
        }

        return TypedResults.Ok(new PostedActivity(await transcript.PostAsync(conversationId, activity, cancellationToken)));
    }

    /// <summary>A stored file; its 128-bit random name is the capability (an image tag sends no token).</summary>
    public static IResult Download(string conversationId, string file, IOptions<DirectLineOptions> options)
    {
        if (!conversationId.All(char.IsAsciiHexDigitLower) || file.Contains('/') || file.Contains('\\') || file.Contains(".."))
        {
            return TypedResults.NotFound();
        }

        var path = Path.Combine(Path.GetFullPath(options.Value.UploadsPath), conversationId, file);
        if (!File.Exists(path))
        {
            return TypedResults.NotFound();
        }

        return StoredFiles.Serve(path, file);
    }

    private static Activity? ReadActivity(IFormCollection form)
    {
        var part = form.Files.GetFile("activity");
        try
        {
            if (part is not null)
            {
                using var stream = part.OpenReadStream();
                using var reader = new StreamReader(stream);
                return ActivityJson.Deserialize(reader.ReadToEnd());
            }

            return form.TryGetValue("activity", out var text) ? ActivityJson.Deserialize(text.ToString()) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
