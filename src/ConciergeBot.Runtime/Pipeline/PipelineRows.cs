using ConciergeBot.Storage;

namespace ConciergeBot.Pipeline;

/// <summary>The pipeline's reads, as plain SQL on a read connection (no change tracking, no per-query model work).</summary>
internal static class PipelineRows
{
    private const string PendingInboxSql = """
        SELECT "Id", "ActivityJson", "Attempts", "NextAttemptAt" FROM "Inbox"
        WHERE "ConversationId" = @conversation AND "Status" = 0
        ORDER BY "Id" LIMIT @limit
        """;

    private const string ConversationSql = """
        SELECT "Channel", "UserAddress", "CustomerId", "Language", "StateJson", "LastActivityAt", "Version" FROM "Conversations" WHERE "Id" = @id
        """;

    private const string CustomerByAddressSql = """
        SELECT c."Id", c."PreferredLanguage" FROM "CustomerAddresses" a JOIN "Customers" c ON c."Id" = a."CustomerId"
        WHERE a."Kind" = @kind AND a."Value" = @value LIMIT 1
        """;

    private const string DeliverableOutboxSql = """
        WITH "Blocked" AS (
            SELECT "ConversationId", MIN("Id") AS "FromId" FROM "Outbox"
            WHERE "Status" = 0 AND ("NextAttemptAt" > @now OR "ClaimedUntil" >= @now)
            GROUP BY "ConversationId")
        SELECT o."Id", o."ConversationId", o."Channel", o."ActivityJson", o."Attempts" FROM "Outbox" o
        LEFT JOIN "Blocked" b ON b."ConversationId" = o."ConversationId"
        WHERE o."Status" = 0 AND o."NextAttemptAt" <= @now AND (o."ClaimedUntil" IS NULL OR o."ClaimedUntil" < @now)
          AND (b."FromId" IS NULL OR o."Id" < b."FromId")
        ORDER BY o."Id" LIMIT @limit
        """;

    public sealed record PendingInbound(long Id, string ActivityJson, int Attempts, DateTime NextAttemptAt);

    public sealed record Conversation(string Channel, string UserAddress, Guid? CustomerId, string? Language, string StateJson, DateTime? LastActivityAt, long Version);

    public sealed record PendingOutbound(long Id, string ConversationId, string Channel, string ActivityJson, int Attempts);

    public static List<PendingInbound> PendingInbox(ReadConnection read, string conversationId, int limit) =>
        read.Rows(PendingInboxSql,
            static r => new PendingInbound(r.GetInt64(0), r.GetString(1), r.GetInt32(2), Sql.ReadTime(r, 3)),
            ("@conversation", conversationId), ("@limit", limit));

    public static Conversation ConversationOf(ReadConnection read, string conversationId) =>
        read.Rows(ConversationSql,
            static r => new Conversation(
                r.GetString(0),
                r.GetString(1),
                r.IsDBNull(2) ? null : Guid.Parse(r.GetString(2)),
                Sql.ReadNullableString(r, 3),
                r.GetString(4),
                Sql.ReadNullableTime(r, 5),
                r.GetInt64(6)),
            ("@id", conversationId)) is [var conversation]
            ? conversation
            : throw new InvalidOperationException($"Conversation {conversationId} has inbox items but no row.");

    public static (Guid Id, string? Language)? CustomerByAddress(ReadConnection read, string kind, string value) =>
        read.Rows(CustomerByAddressSql, static r => (Guid.Parse(r.GetString(0)), Sql.ReadNullableString(r, 1)), ("@kind", kind), ("@value", value))
            is [var customer] ? customer : null;

    /// <summary>
    /// Outgoing rows that may go now: pending, due, not being delivered by another instance, and with
    /// no earlier row of their conversation that must wait (order within a conversation is kept).
    /// Blocked conversations are filtered out before the limit, so they cannot starve the others.
    /// </summary>
    public static List<PendingOutbound> DeliverableOutbox(ReadConnection read, DateTime now, int limit) =>
        read.Rows(DeliverableOutboxSql,
            static r => new PendingOutbound(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4)),
            ("@now", now), ("@limit", limit));
}
