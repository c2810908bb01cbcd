using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.WhatsAppCloud;

/// <summary>
/// Delivers the bot's messages through the Cloud API. Outside the customer's 24-hour window only an
/// approved template may go: a message that names one is sent as that template; one that does not
/// fails with the reason, so it is never shown as sent.
/// </summary>
public sealed partial class WhatsAppCloudAdapter(
    WhatsAppCloudApi api, WhatsAppWindow window, LocaleCatalog locales, IOptions<WhatsAppCloudOptions> options, ILogger<WhatsAppCloudAdapter> logger) : IChannelAdapter
{
    public string ChannelId => WhatsAppCloudChannel.Id;

    public async Task<DeliveryResult> SendAsync(OutboundActivity outbound, CancellationToken cancellationToken)
    {
        var activity = outbound.Activity;
        if (!activity.IsMessage)
        {
            return DeliveryResult.Delivered();
        }

        var to = activity.Conversation?.Id ?? activity.Recipient?.Id;
        if (string.IsNullOrEmpty(to))
        {
            return DeliveryResult.Failed("The message has no recipient address.");
        }

        if (!await window.IsOpenAsync(ChannelId, outbound.ConversationId, cancellationToken))
        {
            return await SendTemplateAsync(outbound, to, cancellationToken);
        }

        return await SendAsync(outbound, to, WhatsAppCloudRendering.Messages(activity, locales.ForMessage(activity, RuntimeTexts.OpenChoices, "☰")), cancellationToken);
    }

    private async Task<DeliveryResult> SendTemplateAsync(OutboundActivity outbound, string to, CancellationToken cancellationToken)
    {
        if (MessageTemplate.Of(outbound.Activity) is not { } template)
        {
            LogWindowClosed(outbound.ConversationId, outbound.OutboxId);
            return DeliveryResult.Failed(WhatsAppWindow.HeldWithoutTemplate);
        }

        if (!template.TryFind(options.Value.Templates, out var approved) || string.IsNullOrWhiteSpace(approved.Name))
        {
            LogWindowClosed(outbound.ConversationId, outbound.OutboxId);
            return DeliveryResult.Failed($"Not sent: outside WhatsApp's 24-hour window, and no approved template is configured for '{template.Name}' (WhatsAppCloud:Templates:{template.Name}:Name and Language).");
        }

        return await SendAsync(outbound, to, [WhatsAppCloudRendering.Template(approved, template)], cancellationToken);
    }

    private async Task<DeliveryResult> SendAsync(OutboundActivity outbound, string to, IEnumerable<JsonObject> contents, CancellationToken cancellationToken)
    {
        var result = await MessageParts.SendInOrderAsync(contents.Select(c => Envelope(to, c)), api.SendAsync, WhatsAppCloudErrors.ToDelivery, cancellationToken);
        if (result.Outcome != DeliveryOutcome.Delivered)
        {
            LogRefused(outbound.ConversationId, outbound.OutboxId, result.Error);
        }

        return result;
    }

    private static JsonObject Envelope(string to, JsonObject content)
    {
        var message = new JsonObject { ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual", ["to"] = to };
        foreach (var (name, value) in content.ToList())
        {
            content.Remove(name);
            message[name] = value;
        }

        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp refused outbox message {OutboxId} of {ConversationId}: {Error}")]
    private partial void LogRefused(string conversationId, long outboxId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId} of {ConversationId} not sent: WhatsApp's 24-hour window is closed and the message has no configured template")]
    private partial void LogWindowClosed(string conversationId, long outboxId);
}
