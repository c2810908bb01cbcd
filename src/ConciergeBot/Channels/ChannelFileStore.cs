using System.Security.Cryptography;
using System.Text;
using ConciergeBot.Channels.DirectLine;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels;

/// <summary>
/// Photos and files customers send on a messaging channel, kept by us: the provider's own link needs
/// its credentials or expires, while agents and tickets need a link that lasts. Stored beside the
/// web chat's uploads and served by the same unguessable URL.
/// </summary>
public sealed class ChannelFileStore(IOptions<DirectLineOptions> options)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <returns>The path the host serves the file at.</returns>
    /// <exception cref="InvalidDataException">The content is longer than <paramref name="maxBytes"/> (nothing is kept).</exception>
    public async Task<string> SaveAsync(string conversationId, Stream content, string? contentType, long maxBytes, CancellationToken cancellationToken)
    {
        // The folder is named by a hash, so a conversation id with ':' or '+' never reaches the file system.
        var folder = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)))[..32];
        var directory = Path.Combine(Path.GetFullPath(options.Value.UploadsPath), folder);
        Directory.CreateDirectory(directory);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + Extension(contentType);
        var path = Path.Combine(directory, name);
        try
        {
            await using var target = File.Create(path);
            await CopyAtMostAsync(content, target, maxBytes, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return $"/v3/directline/attachments/{folder}/{name}";
    }

    /// <summary>A provider's answer to a media download, kept when it succeeded and is not larger than allowed.</summary>
    /// <returns>The path the host serves the file at; null when the download was refused or too large.</returns>
    public async Task<string?> SaveDownloadAsync(string conversationId, HttpResponseMessage response, string contentType, long maxBytes, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > maxBytes)
        {
            return null;
        }

        await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await SaveAsync(conversationId, content, contentType, maxBytes, cancellationToken);
    }

    /// <summary>A chunked answer has no length to check beforehand, so the limit holds while copying.</summary>
    private static async Task CopyAtMostAsync(Stream source, Stream target, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new InvalidDataException($"The file is larger than {maxBytes} bytes.");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static string Extension(string? contentType) =>
        ContentTypes.Mappings.Where(m => string.Equals(m.Value, contentType, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Key)
            .OrderBy(k => k.Length)
            .ThenBy(k => k, StringComparer.Ordinal)
            .FirstOrDefault() ?? ".bin";
}
