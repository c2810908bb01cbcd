using ConciergeBot.Activities;

namespace ConciergeBot.Pipeline;

/// <summary>A channel: it turns what it receives into activities for <see cref="TurnIngress"/> and delivers what the bot says.</summary>
public interface IChannelAdapter
{
    string ChannelId { get; }

    Task<DeliveryResult> SendAsync(OutboundActivity outbound, CancellationToken cancellationToken);
}

public sealed record OutboundActivity(long OutboxId, string ConversationId, int Attempt, Activity Activity);

public sealed record DeliveryResult(DeliveryOutcome Outcome, string? ChannelMessageId = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryResult Delivered(string? channelMessageId = null) => new(DeliveryOutcome.Delivered, channelMessageId);

    /// <summary>A passing fault (timeout, 429, 5xx): try again later.</summary>
    public static DeliveryResult Retry(string error, TimeSpan? retryAfter = null) => new(DeliveryOutcome.Retry, Error: error, RetryAfter: retryAfter);

    /// <summary>A fault that retrying cannot fix (unknown recipient, blocked bot).</summary>
    public static DeliveryResult Failed(string error) => new(DeliveryOutcome.Failed, Error: error);
}

public enum DeliveryOutcome
{
    Delivered,
    Retry,
    Failed,
}
