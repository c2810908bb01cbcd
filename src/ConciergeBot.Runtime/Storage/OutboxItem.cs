namespace ConciergeBot.Storage;

/// <summary>An outgoing activity, written in the turn's transaction and delivered afterwards.</summary>
public sealed class OutboxItem
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }

    /// <summary>The inbox item whose turn produced this message; null for messages the bot starts itself.</summary>
    public long? InboxId { get; set; }
    public required string Channel { get; set; }
    public required string ActivityJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? ChannelMessageId { get; set; }
    public string? LastError { get; set; }

    /// <summary>What the channel last reported of the message after taking it (Twilio: sent, delivered, read, undelivered, failed).</summary>
    public string? ChannelStatus { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}
