using System.Security.Cryptography;
using ConciergeBot.Activities;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ConciergeBot.Channels.Telegram;

/// <summary>
/// Photos and documents customers send, copied from Telegram when the update arrives and served by an
/// unguessable link: agents and tickets get a lasting address, and Telegram's file links (which carry
/// the bot token and expire after an hour) never leave the host.
/// </summary>
internal sealed partial class TelegramFiles(ITelegramBotClient bot, IOptions<TelegramOptions> options, ILogger<TelegramFiles> logger)
{
    /// <summary>The Bot API hands out files up to this size.</summary>
    public const long MaxDownloadBytes = 20_000_000;

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The file as an attachment; one Telegram will not hand out (too big, gone) is named without a link.</summary>
    /// <exception cref="RequestException">Telegram could not be reached: the update should come again later.</exception>
    public async Task<Attachment> FetchAsync(TelegramFileRef file, CancellationToken cancellationToken)
    {
        var contentType = file.ContentType ?? (file.Name is not null && ContentTypes.TryGetContentType(file.Name, out var guessed) ? guessed : "application/octet-stream");
        var attachment = new Attachment { ContentType = contentType, Name = file.Name };
        if (file.Size > MaxDownloadBytes)
        {
            LogTooBig(file.Size.Value);
            return attachment;
        }

        global::Telegram.Bot.Types.TGFile info;
        try
        {
            info = await bot.GetFile(file.FileId, cancellationToken);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400)
        {
            LogUnavailable(ex.Message);
            return attachment;
        }

        if (info.FilePath is null)
        {
            return attachment;
        }

        var folder = Path.GetFullPath(options.Value.FilesPath);
        Directory.CreateDirectory(folder);
        var stored = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + Extension(file.Name ?? info.FilePath);
        var path = Path.Combine(folder, stored);
        try
        {
            await using var target = File.Create(path);
            await bot.DownloadFile(info.FilePath, target, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        attachment.ContentUrl = Link(stored);
        return attachment;
    }

    /// <summary>A stored file; its 128-bit random name is the capability (an image tag sends no credentials).</summary>
    public static IResult Download(string file, IOptions<TelegramOptions> options)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        if (name.Length != 32 || !name.All(char.IsAsciiHexDigitLower) || file.Contains('/') || file.Contains('\\') || file.Contains("..", StringComparison.Ordinal))
        {
            return TypedResults.NotFound();
        }

        var path = Path.Combine(Path.GetFullPath(options.Value.FilesPath), file);
        if (!File.Exists(path))
        {
            return TypedResults.NotFound();
        }

        return StoredFiles.Serve(path, file);
    }

    /// <summary>The stored file behind one of our links, for sending it back out; null for any other address.</summary>
    public string? LocalPath(string url)
    {
        var marker = TelegramChannel.FilesRoute + "/";
        var at = url.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var file = url[(at + marker.Length)..];
        var path = Path.Combine(Path.GetFullPath(options.Value.FilesPath), file);
        return file.Contains('/') || file.Contains("..", StringComparison.Ordinal) || !File.Exists(path) ? null : path;
    }

    private string Link(string stored)
    {
        // Without a public address the link is relative: the agent console on this host still opens it.
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        return $"{baseUrl}{TelegramChannel.FilesRoute}/{stored}";
    }

    private static string Extension(string name) =>
        Path.GetExtension(name) is { Length: > 1 and <= 10 } ext && ext.Skip(1).All(char.IsAsciiLetterOrDigit) ? ext.ToLowerInvariant() : ".bin";

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Telegram file of {Size} bytes is over the Bot API's download limit; the message is kept without it")]
    private partial void LogTooBig(long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram would not hand out a file ({Error}); the message is kept without it")]
    private partial void LogUnavailable(string error);
}
