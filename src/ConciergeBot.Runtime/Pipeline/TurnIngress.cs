using ConciergeBot.Activities;
using ConciergeBot.Storage;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Pipeline;

/// <summary>
/// The door every channel uses. An activity is stored in the inbox before the channel is told
/// "received", so nothing acknowledged can be lost; a redelivery of the same channel message id
/// is recognised and not processed again.
/// </summary>
public sealed partial class TurnIngress(
    DatabaseWriter writer,
    ConversationScheduler scheduler,
    TimeProvider clock,
    ILogger<TurnIngress> logger)
{
    private const string InsertConversation = """
        INSERT INTO "Conversations" ("Id", "Channel", "ChannelConversationId", "UserAddress", "StateJson", "CreatedAt", "Version")
        VALUES (@id, @channel, @channelConversation, @user, '{}', @at, 0)
        ON CONFLICT ("Id") DO NOTHING
        """;

    private const string InsertInbox = """
        INSERT INTO "Inbox" ("Channel", "ChannelMessageId", "ConversationId", "ActivityJson", "ReceivedAt", "Status", "Attempts", "NextAttemptAt")
        VALUES (@channel, @messageId, @conversation, @json, @at, 0, 0, @at)
        ON CONFLICT ("Channel", "ChannelMessageId") DO NOTHING
        RETURNING "Id"
        """;

    public async Task<InboundResult> AcceptAsync(Activity activity, CancellationToken cancellationToken)
    {
        var channel = activity.ChannelId;
        if (string.IsNullOrWhiteSpace(channel) || string.IsNullOrWhiteSpace(activity.Conversation?.Id)
            || string.IsNullOrWhiteSpace(activity.Id) || string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            throw new ArgumentException("An inbound activity needs channelId, id, conversation.id and from.id.", nameof(activity));
        }

        var now = clock.GetUtcNow();
        activity.Timestamp ??= now;
        var conversationId = ConversationKey.For(activity);
        var json = ActivityJson.Serialize(activity);
        var at = now.UtcDateTime;

        var inboxId = await writer.WriteAsync((connection, transaction) =>
        {
            using (var conversation = Sql.Command(connection, transaction, InsertConversation,
                ("@id", conversationId), ("@channel", channel), ("@channelConversation", activity.Conversation!.Id), ("@user", activity.From!.Id), ("@at", at)))
            {
                conversation.ExecuteNonQuery();
            }

            using var inbox = Sql.Command(connection, transaction, InsertInbox,
                ("@channel", channel), ("@messageId", activity.Id), ("@conversation", conversationId), ("@json", json), ("@at", at));
            return inbox.ExecuteScalar() is long id ? id : (long?)null;
        }, cancellationToken);

        if (inboxId is null)
        {
            LogDuplicate(channel, activity.Id!, conversationId);
            return new InboundResult(InboundStatus.Duplicate, conversationId, null);
        }

        scheduler.Notify(conversationId);
        return new InboundResult(InboundStatus.Accepted, conversationId, inboxId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a redelivered {Channel} message {ChannelMessageId} in conversation {ConversationId}")]
    private partial void LogDuplicate(string channel, string channelMessageId, string conversationId);
}

public sealed record InboundResult(InboundStatus Status, string ConversationId, long? InboxId);

public enum InboundStatus
{
    Accepted,
    Duplicate,
}
