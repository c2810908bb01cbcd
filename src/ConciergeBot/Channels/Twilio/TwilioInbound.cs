using ConciergeBot.Activities;

namespace ConciergeBot.Channels.Twilio;

/// <summary>A Twilio message webhook (SMS or WhatsApp) as the one activity model; its media stored by us.</summary>
public sealed partial class TwilioInbound(TwilioApi api, ChannelFileStore files, TimeProvider clock, Microsoft.Extensions.Options.IOptions<TwilioOptions> options, ILogger<TwilioInbound> logger)
{
    private const int MostMedia = 10;

    /// <returns>Null when the request is not a message (no <c>MessageSid</c> or <c>From</c>).</returns>
    public async Task<Activity?> ReadAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var sid = form["MessageSid"].ToString();
        var from = form["From"].ToString();
        if (sid.Length == 0 || from.Length == 0)
        {
            return null;
        }

        var channel = TwilioChannels.Of(from);
        var profileName = form["ProfileName"].ToString();
        var button = form["ButtonPayload"].ToString();
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = sid,
            ChannelId = channel,
            Timestamp = clock.GetUtcNow(),
            Conversation = new ConversationAccount(from),
            From = new ChannelAccount(from, profileName.Length > 0 ? profileName : null, "user"),
            Recipient = new ChannelAccount(form["To"].ToString(), null, "bot"),
            Text = button.Length > 0 ? button : form["Body"].ToString(),
        };

        var count = int.TryParse(form["NumMedia"], out var n) ? Math.Clamp(n, 0, MostMedia) : 0;
        if (count > 0)
        {
            activity.Attachments = [];
            for (var i = 0; i < count; i++)
            {
                if (form[$"MediaUrl{i}"].ToString() is { Length: > 0 } url)
                {
                    activity.Attachments.Add(await StoreAsync(ConversationKeyOf(activity), url, form[$"MediaContentType{i}"].ToString(), i, cancellationToken));
                }
            }
        }

        return activity;
    }

    private static string ConversationKeyOf(Activity activity) => Pipeline.ConversationKey.For(activity);

    /// <summary>A file that cannot be fetched now is still recorded by its Twilio address, so the report keeps it.</summary>
    private async Task<Attachment> StoreAsync(string conversationId, string url, string contentType, int index, CancellationToken cancellationToken)
    {
        var type = contentType.Length > 0 ? contentType : "application/octet-stream";
        var name = $"media-{index + 1}";
        try
        {
            using var response = await api.DownloadAsync(url, cancellationToken);
            if (await files.SaveDownloadAsync(conversationId, response, type, options.Value.MaxMediaBytes, cancellationToken) is { } saved)
            {
                return new Attachment { ContentType = type, ContentUrl = saved, Name = name };
            }

            LogMediaRefused(conversationId, (int)response.StatusCode);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogMediaFailed(ex, conversationId);
        }

        return new Attachment { ContentType = type, ContentUrl = url, Name = name };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media of a message in {ConversationId} could not be fetched from Twilio ({Status}, or larger than allowed); its Twilio address is kept")]
    private partial void LogMediaRefused(string conversationId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media of a message in {ConversationId} could not be fetched from Twilio; its Twilio address is kept")]
    private partial void LogMediaFailed(Exception exception, string conversationId);
}
