using ConciergeBot.Activities;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Pipeline;

/// <summary>
/// Messages nobody's turn produced (an agent's reply, a queue update): addressed like the bot's
/// replies in the conversation, from its latest message in, and written to the outbox inside the
/// caller's write, so they leave only if what caused them commits.
/// </summary>
public static class ProactiveMessages
{
    private const string LatestInboundSql = """
        SELECT i."ActivityJson", c."Language" FROM "Conversations" c
        LEFT JOIN "Inbox" i ON i."Id" = (SELECT MAX("Id") FROM "Inbox" WHERE "ConversationId" = c."Id")
        WHERE c."Id" = @id
        """;

    private const string InsertOutbox = """
        INSERT INTO "Outbox" ("ConversationId", "InboxId", "Channel", "ActivityJson", "CreatedAt", "Status", "Attempts", "NextAttemptAt")
        VALUES (@conversation, NULL, @channel, @json, @at, 0, 0, @at)
        RETURNING "Id"
        """;

    /// <summary>The conversation's language, or null when the conversation is unknown.</summary>
    public static string? LanguageOf(SqliteConnection connection, SqliteTransaction transaction, string conversationId, string fallback)
    {
        using var read = Sql.Command(connection, transaction, LatestInboundSql, ("@id", conversationId));
        using var reader = read.ExecuteReader();
        return reader.Read() ? Sql.ReadNullableString(reader, 1) ?? fallback : null;
    }

    /// <summary>The conversation's latest message in, which says where and to whom the bot writes; null when none.</summary>
    public static Activity? LatestInbound(SqliteConnection connection, SqliteTransaction transaction, string conversationId)
    {
        using var read = Sql.Command(connection, transaction, LatestInboundSql, ("@id", conversationId));
        using var reader = read.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? ActivityJson.Deserialize(reader.GetString(0)) : null;
    }

    /// <summary>
    /// An event for the conversation's own dialogs (a ticket's follow-up), staged in its inbox inside the
    /// caller's write: it runs as a turn, in order with the customer's messages, exactly once.
    /// </summary>
    public static Activity? Event(SqliteConnection connection, SqliteTransaction transaction, string conversationId, string name, System.Text.Json.Nodes.JsonNode value, string id, DateTimeOffset now)
    {
        if (LatestInbound(connection, transaction, conversationId) is not { } inbound)
        {
            return null;
        }

        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = name,
            Value = value,
            Id = id,
            ChannelId = inbound.ChannelId,
            Conversation = inbound.Conversation,
            From = inbound.From,
            Recipient = inbound.Recipient,
            ServiceUrl = inbound.ServiceUrl,
            Locale = inbound.Locale,
            Timestamp = now,
        };
    }

    /// <summary>Queues <paramref name="message"/> for the conversation; the outbox id, or null when the conversation has never had a message in.</summary>
    public static long? Enqueue(SqliteConnection connection, SqliteTransaction transaction, string conversationId, Activity message, string language, DateTimeOffset now)
    {
        if (LatestInbound(connection, transaction, conversationId) is not { } inbound)
        {
            return null;
        }

        message.ChannelId = inbound.ChannelId;
        message.Conversation ??= inbound.Conversation;
        message.From ??= inbound.Recipient ?? new ChannelAccount("concierge", null, "bot");
        message.From.Role ??= "bot";
        message.Recipient ??= inbound.From;
        message.Locale ??= language;
        message.Timestamp ??= now;
        message.ServiceUrl ??= inbound.ServiceUrl;
        using var insert = Sql.Command(connection, transaction, InsertOutbox,
            ("@conversation", conversationId), ("@channel", inbound.ChannelId), ("@json", ActivityJson.Serialize(message)), ("@at", now.UtcDateTime));
        return (long)insert.ExecuteScalar()!;
    }
}
