using ConciergeBot.Pipeline;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>Delivering to Direct Line is storing in the conversation's transcript, where clients poll or stream it.</summary>
public sealed class DirectLineAdapter(DirectLineTranscript transcript) : IChannelAdapter
{
    public string ChannelId => DirectLineTranscript.ChannelId;

    public async Task<DeliveryResult> SendAsync(OutboundActivity outbound, CancellationToken cancellationToken)
    {
        var conversation = outbound.Activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversation))
        {
            return DeliveryResult.Failed("The activity names no conversation.");
        }

        return DeliveryResult.Delivered(await transcript.AppendBotAsync(conversation, outbound.Activity, cancellationToken));
    }
}
