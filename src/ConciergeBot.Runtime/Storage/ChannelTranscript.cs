namespace ConciergeBot.Storage;

/// <summary>
/// A conversation a channel hosts itself (Direct Line): the channel, not a third party, keeps the
/// conversation and who it belongs to, so clients can reconnect to it.
/// </summary>
public sealed class ChannelConversation
{
    public required string Channel { get; set; }
    public required string Id { get; set; }
    public string? UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One activity of a hosted conversation as its clients read it (the customer's own, echoed, and
/// the bot's), numbered per conversation: the number is the Direct Line watermark.
/// </summary>
public sealed class ChannelActivity
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string ConversationId { get; set; }
    public long Sequence { get; set; }

    /// <summary>The client's own id for what it sent (Web Chat's clientActivityID), so a resend is not stored twice.</summary>
    public string? ClientActivityId { get; set; }

    public required string ActivityJson { get; set; }
    public DateTime CreatedAt { get; set; }
}
