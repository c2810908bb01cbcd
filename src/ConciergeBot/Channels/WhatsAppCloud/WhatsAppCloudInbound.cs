using System.Text.Json;
using ConciergeBot.Activities;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.WhatsAppCloud;

/// <summary>A customer's WhatsApp message as the one activity model; their photos and files stored by us.</summary>
public sealed partial class WhatsAppCloudInbound(
    WhatsAppCloudApi api, ChannelFileStore files, TimeProvider clock, IOptions<WhatsAppCloudOptions> options, ILogger<WhatsAppCloudInbound> logger)
{
    public async Task<Activity> ReadAsync(CloudMessage message, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = message.Id,
            ChannelId = WhatsAppCloudChannel.Id,
            Timestamp = clock.GetUtcNow(),
            Conversation = new ConversationAccount(message.From),
            From = new ChannelAccount(message.From, message.ProfileName, "user"),
            Recipient = new ChannelAccount(message.PhoneNumberId, null, "bot"),
            Text = message.Text,
        };

        if (message.Media is { } media)
        {
            activity.Attachments = [await StoreAsync(Pipeline.ConversationKey.For(activity), media, cancellationToken)];
        }

        return activity;
    }

    /// <summary>A file that cannot be fetched now is still recorded by its Graph API address, so the report keeps it.</summary>
    private async Task<Attachment> StoreAsync(string conversationId, CloudMedia media, CancellationToken cancellationToken)
    {
        var type = media.MimeType is { Length: > 0 } mime ? mime.Split(';')[0].Trim() : "application/octet-stream";
        var name = media.FileName ?? "media-1";
        try
        {
            if (await api.MediaUrlAsync(media.Id, cancellationToken) is { } url)
            {
                using var response = await api.DownloadAsync(url, cancellationToken);
                if (await files.SaveDownloadAsync(conversationId, response, type, options.Value.MaxMediaBytes, cancellationToken) is { } saved)
                {
                    return new Attachment { ContentType = type, ContentUrl = saved, Name = name };
                }
            }

            LogMediaRefused(conversationId);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogMediaFailed(ex, conversationId);
        }

        return new Attachment { ContentType = type, ContentUrl = api.MediaAddress(media.Id), Name = name };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media of a message in {ConversationId} could not be fetched from WhatsApp (refused, or larger than allowed); its media id is kept")]
    private partial void LogMediaRefused(string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media of a message in {ConversationId} could not be fetched from WhatsApp; its media id is kept")]
    private partial void LogMediaFailed(Exception exception, string conversationId);
}
