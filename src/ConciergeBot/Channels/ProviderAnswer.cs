using System.Net;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Channels;

/// <summary>What a messaging provider answered to one message: its id, or the error code and message.</summary>
public sealed record ProviderAnswer(string? MessageId, HttpStatusCode Status, int? ErrorCode = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public bool Accepted => MessageId is not null;

    /// <summary>
    /// Delivered; worth retrying (429, 5xx, or a code the provider calls passing); or failed. The
    /// error is kept in words, as <paramref name="meaning"/> gives them, for an owner reading failures.
    /// </summary>
    public DeliveryResult ToDelivery(string provider, string? meaning, bool passing)
    {
        if (Accepted)
        {
            return DeliveryResult.Delivered(MessageId);
        }

        var detail = $"{provider} {(int)Status}{(ErrorCode is { } code ? $" / {code}" : "")}: {meaning ?? Error}";
        return Status == HttpStatusCode.TooManyRequests || (int)Status >= 500 || passing
            ? DeliveryResult.Retry(detail, RetryAfter)
            : DeliveryResult.Failed(detail);
    }
}
