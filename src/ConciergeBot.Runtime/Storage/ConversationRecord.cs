namespace ConciergeBot.Storage;

/// <summary>
/// A conversation on one channel. <see cref="Version"/> is bumped by every committed turn, so two
/// instances that process the same conversation cannot both commit.
/// </summary>
public sealed class ConversationRecord
{
    public required string Id { get; set; }
    public required string Channel { get; set; }
    public required string ChannelConversationId { get; set; }
    public required string UserAddress { get; set; }
    public Guid? CustomerId { get; set; }
    public string? Language { get; set; }
    public string StateJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastActivityAt { get; set; }
    public long Version { get; set; }
}
