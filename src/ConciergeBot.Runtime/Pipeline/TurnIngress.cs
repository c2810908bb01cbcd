using ConciergeBot.Activities;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;
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
        var result = await writer.WriteAsync((connection, transaction) => Stage(connection, transaction, activity), cancellationToken);
        return Started(result, activity);
    }

    /// <summary>
    /// Writes <paramref name="activity"/> to the inbox inside a caller's write on the single writer,
    /// for a channel that stores something of its own in the same transaction (Direct Line's echo).
    /// Call <see cref="Started"/> once that write has committed.
    /// </summary>
    public InboundResult Stage(SqliteConnection connection, SqliteTransaction transaction, Activity activity)
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
        var at = now.UtcDateTime;
        Sql.Kept(connection, transaction, InsertConversation,
            ("@id", conversationId), ("@channel", channel), ("@channelConversation", activity.Conversation!.Id), ("@user", activity.From!.Id), ("@at", at))
            .ExecuteNonQuery();
        var inbox = Sql.Kept(connection, transaction, InsertInbox,
            ("@channel", channel), ("@messageId", activity.Id), ("@conversation", conversationId), ("@json", ActivityJson.Serialize(activity)), ("@at", at));
        return inbox.ExecuteScalar() is long id
            ? new InboundResult(InboundStatus.Accepted, conversationId, id)
            : new InboundResult(InboundStatus.Duplicate, conversationId, null);
    }

    /// <summary>After the write that staged it has committed: the conversation's turn may run.</summary>
    public InboundResult Started(InboundResult staged, Activity activity)
    {
        if (staged.Status == InboundStatus.Duplicate)
        {
            LogDuplicate(activity.ChannelId!, activity.Id!, staged.ConversationId);
        }
        else
        {
            scheduler.Notify(staged.ConversationId);
        }

        return staged;
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
