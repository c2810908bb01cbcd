using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Pipeline;

/// <summary>The pipeline's reads, as plain SQL on a read connection (no change tracking, no per-query model work).</summary>
internal static class PipelineRows
{
    public sealed record PendingInbound(long Id, string ActivityJson, int Attempts, DateTime NextAttemptAt);

    public sealed record Conversation(string Channel, string UserAddress, Guid? CustomerId, string? Language, string StateJson, DateTime? LastActivityAt, long Version);

    public sealed record PendingOutbound(long Id, string ConversationId, string Channel, string ActivityJson, int Attempts);

    public static async Task<List<PendingInbound>> PendingInboxAsync(SqliteConnection connection, string conversationId, int limit, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            SELECT "Id", "ActivityJson", "Attempts", "NextAttemptAt" FROM "Inbox"
            WHERE "ConversationId" = @conversation AND "Status" = 0
            ORDER BY "Id" LIMIT @limit
            """, ("@conversation", conversationId), ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<PendingInbound>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PendingInbound(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), Sql.ReadTime(reader, 3)));
        }

        return rows;
    }

    public static async Task<Conversation> ConversationAsync(SqliteConnection connection, string conversationId, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            SELECT "Channel", "UserAddress", "CustomerId", "Language", "StateJson", "LastActivityAt", "Version" FROM "Conversations" WHERE "Id" = @id
            """, ("@id", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"Conversation {conversationId} has inbox items but no row.");
        }

        return new Conversation(
            reader.GetString(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2)),
            Sql.ReadNullableString(reader, 3),
            reader.GetString(4),
            Sql.ReadNullableTime(reader, 5),
            reader.GetInt64(6));
    }

    public static async Task<(Guid Id, string? Language)?> CustomerByAddressAsync(SqliteConnection connection, string kind, string value, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            SELECT c."Id", c."PreferredLanguage" FROM "CustomerAddresses" a JOIN "Customers" c ON c."Id" = a."CustomerId"
            WHERE a."Kind" = @kind AND a."Value" = @value LIMIT 1
            """, ("@kind", kind), ("@value", value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Guid.Parse(reader.GetString(0)), Sql.ReadNullableString(reader, 1)) : null;
    }

    /// <summary>
    /// Outgoing rows that may go now: pending, due, not being delivered by another instance, and with
    /// no earlier row of their conversation that must wait (order within a conversation is kept).
    /// Blocked conversations are filtered out before the limit, so they cannot starve the others.
    /// </summary>
    public static async Task<List<PendingOutbound>> DeliverableOutboxAsync(SqliteConnection connection, DateTime now, int limit, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            WITH "Blocked" AS (
                SELECT "ConversationId", MIN("Id") AS "FromId" FROM "Outbox"
                WHERE "Status" = 0 AND ("NextAttemptAt" > @now OR "ClaimedUntil" >= @now)
                GROUP BY "ConversationId")
            SELECT o."Id", o."ConversationId", o."Channel", o."ActivityJson", o."Attempts" FROM "Outbox" o
            LEFT JOIN "Blocked" b ON b."ConversationId" = o."ConversationId"
            WHERE o."Status" = 0 AND o."NextAttemptAt" <= @now AND (o."ClaimedUntil" IS NULL OR o."ClaimedUntil" < @now)
              AND (b."FromId" IS NULL OR o."Id" < b."FromId")
            ORDER BY o."Id" LIMIT @limit
            """, ("@now", now), ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<PendingOutbound>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PendingOutbound(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
        }

        return rows;
    }
}
