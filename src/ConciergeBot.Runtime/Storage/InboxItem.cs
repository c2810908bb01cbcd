namespace ConciergeBot.Storage;

/// <summary>An inbound activity, stored before the channel is acknowledged; the turn marks it processed.</summary>
public sealed class InboxItem
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string ChannelMessageId { get; set; }
    public required string ConversationId { get; set; }
    public required string ActivityJson { get; set; }
    public DateTime ReceivedAt { get; set; }
    public InboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public string? LastError { get; set; }
}

public enum InboxStatus
{
    Pending = 0,
    Processed = 1,
    Failed = 2,
}
