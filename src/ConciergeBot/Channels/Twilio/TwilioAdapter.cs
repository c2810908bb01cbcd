using System.Text.Json;
using ConciergeBot.Activities;
using ConciergeBot.Pipeline;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.Twilio;

/// <summary>
/// Delivers the bot's messages by SMS or WhatsApp through Twilio's REST API. On WhatsApp, outside the
/// customer's 24-hour window only an approved template may go: a message that names one is sent as
/// that template; one that does not fails with the reason, so it is never shown as sent.
/// </summary>
public sealed partial class TwilioAdapter(
    string channelId, TwilioApi api, WhatsAppWindow window, IOptions<TwilioOptions> options, ILogger<TwilioAdapter> logger) : IChannelAdapter
{
    public string ChannelId => channelId;

    private bool IsWhatsApp => channelId == TwilioChannels.WhatsApp;

    public async Task<DeliveryResult> SendAsync(OutboundActivity outbound, CancellationToken cancellationToken)
    {
        var activity = outbound.Activity;
        if (!activity.IsMessage)
        {
            // Neither SMS nor Twilio's WhatsApp has a typing indicator to show.
            return DeliveryResult.Delivered();
        }

        var to = activity.Conversation?.Id ?? activity.Recipient?.Id;
        if (string.IsNullOrEmpty(to))
        {
            return DeliveryResult.Failed("The message has no recipient address.");
        }

        if (IsWhatsApp && !await window.IsOpenAsync(ChannelId, outbound.ConversationId, cancellationToken))
        {
            return await SendTemplateAsync(outbound, to, cancellationToken);
        }

        var (media, links) = OutgoingFiles.Of(activity, mediaAllowed: IsWhatsApp);
        var text = string.Join('\n', new[] { NumberedChoices.Text(activity) }.Concat(links).Where(t => t.Length > 0));
        var parts = MessageSplitter.Split(text, options.Value.MaxBodyLength);
        if (parts.Count == 0 && media.Count == 0)
        {
            return DeliveryResult.Delivered();
        }

        var forms = Enumerable.Range(0, Math.Max(parts.Count, 1)).Select(i =>
        {
            var form = Envelope(to);
            if (i < parts.Count)
            {
                form.Add(new("Body", parts[i]));
            }

            if (i == 0)
            {
                form.AddRange(media.Select(file => new KeyValuePair<string, string>("MediaUrl", file.ContentUrl!)));
            }

            return form;
        });
        var result = await MessageParts.SendInOrderAsync(forms, api.SendAsync, TwilioErrors.ToDelivery, cancellationToken);
        if (result.Outcome != DeliveryOutcome.Delivered)
        {
            LogRefused(outbound.ConversationId, outbound.OutboxId, result.Error);
        }

        return result;
    }

    private async Task<DeliveryResult> SendTemplateAsync(OutboundActivity outbound, string to, CancellationToken cancellationToken)
    {
        if (MessageTemplate.Of(outbound.Activity) is not { } template)
        {
            LogWindowClosed(outbound.ConversationId, outbound.OutboxId);
            return DeliveryResult.Failed(WhatsAppWindow.HeldWithoutTemplate);
        }

        if (!template.TryFind(options.Value.WhatsAppTemplates, out var contentSid) || string.IsNullOrWhiteSpace(contentSid))
        {
            return DeliveryResult.Failed($"Not sent: outside WhatsApp's 24-hour window, and no Content SID is configured for the template '{template.Name}' (Twilio:WhatsAppTemplates:{template.Name}).");
        }

        var form = Envelope(to);
        form.Add(new("ContentSid", contentSid));
        form.Add(new("ContentVariables", JsonSerializer.Serialize(template.Variables)));
        var sent = await api.SendAsync(form, cancellationToken);
        return TwilioErrors.ToDelivery(sent);
    }

    private List<KeyValuePair<string, string>> Envelope(string to)
    {
        var settings = options.Value;
        var form = new List<KeyValuePair<string, string>> { new("To", to) };
        if (!string.IsNullOrEmpty(settings.MessagingServiceSid))
        {
            form.Add(new("MessagingServiceSid", settings.MessagingServiceSid));
        }
        else
        {
            form.Add(new("From", IsWhatsApp ? settings.WhatsAppFrom : settings.SmsFrom));
        }

        if (!string.IsNullOrEmpty(settings.PublicBaseUrl))
        {
            form.Add(new("StatusCallback", settings.PublicBaseUrl.TrimEnd('/') + settings.StatusPath));
        }

        return form;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio refused outbox message {OutboxId} of {ConversationId}: {Error}")]
    private partial void LogRefused(string conversationId, long outboxId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId} of {ConversationId} not sent: WhatsApp's 24-hour window is closed and the message has no template")]
    private partial void LogWindowClosed(string conversationId, long outboxId);
}
