using ConciergeBot.Pipeline;

namespace ConciergeBot.Channels;

public static class MessageParts
{
    /// <summary>
    /// Sends the provider messages one bot message became, in order. The first one's id stands for
    /// the whole (delivery reports are matched to it); the first refusal stops the rest, so a retry
    /// starts again from the top.
    /// </summary>
    public static async Task<DeliveryResult> SendInOrderAsync<T>(
        IEnumerable<T> parts, Func<T, CancellationToken, Task<ProviderAnswer>> send, Func<ProviderAnswer, DeliveryResult> toDelivery, CancellationToken cancellationToken)
    {
        string? firstId = null;
        foreach (var part in parts)
        {
            var answer = await send(part, cancellationToken);
            if (!answer.Accepted)
            {
                return toDelivery(answer);
            }

            firstId ??= answer.MessageId;
        }

        return DeliveryResult.Delivered(firstId);
    }
}
