using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Events;

internal sealed record PendingBusinessEvent(long Id, Guid EventId, string Type, string PayloadJson, DateTime OccurredAt, int Attempts);

/// <summary>The dispatcher's SQL, in the value formats EF Core uses for the same columns.</summary>
internal static class BusinessEventRows
{
    private const string DeliverableSql = """
        SELECT "Id", "EventId", "Type", "PayloadJson", "OccurredAt", "Attempts" FROM "BusinessEvents"
        WHERE "Status" = 0 AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= @now) AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < @now)
          AND "Id" < COALESCE((
              SELECT MIN("Id") FROM "BusinessEvents"
              WHERE "Status" = 0 AND ("NextAttemptAt" > @now OR "ClaimedUntil" >= @now)), 9223372036854775807)
        ORDER BY "Id" LIMIT @limit
        """;

    /// <summary>
    /// The pending events that may be posted now, in order: due, not being posted by another
    /// instance, and before the first pending event that must wait (for its retry, or for the
    /// instance that holds it). Events are one stream, so one that waits holds back the rest.
    /// </summary>
    public static List<PendingBusinessEvent> Deliverable(ReadConnection read, DateTime now, int limit) =>
        read.Rows(DeliverableSql,
            static r => new PendingBusinessEvent(r.GetInt64(0), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), Sql.ReadTime(r, 4), r.GetInt32(5)),
            ("@now", now), ("@limit", limit));

    /// <summary>Claims <paramref name="rows"/> in order, stopping at the first another instance holds.</summary>
    /// <returns>The claimed ones: a prefix of <paramref name="rows"/>, so the order is kept.</returns>
    public static List<PendingBusinessEvent> Claim(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<PendingBusinessEvent> rows, string me, DateTime now, DateTime until)
    {
        using var claim = Sql.Command(connection, transaction, """
            UPDATE "BusinessEvents" SET "ClaimedBy" = @me, "ClaimedUntil" = @until
            WHERE "Id" = @id AND "Status" = 0 AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < @now)
            """, ("@me", me), ("@until", until), ("@now", now), ("@id", 0L));
        var claimed = new List<PendingBusinessEvent>(rows.Count);
        foreach (var row in rows)
        {
            claim.Parameters["@id"].Value = row.Id;
            if (claim.ExecuteNonQuery() != 1)
            {
                break;
            }

            claimed.Add(row);
        }

        return claimed;
    }

    /// <returns>False when the claim had run out and another instance took the event over.</returns>
    public static bool Record(
        SqliteConnection connection, SqliteTransaction transaction, long id, string me,
        BusinessEventStatus status, int attempts, DateTime nextAttemptAt, DateTime? deliveredAt, string? error)
    {
        using var update = Sql.Command(connection, transaction, """
            UPDATE "BusinessEvents" SET "Status" = @status, "Attempts" = @attempts, "NextAttemptAt" = @next, "DeliveredAt" = @delivered,
                "LastError" = @error, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
            WHERE "Id" = @id AND "ClaimedBy" = @me
            """, ("@status", status), ("@attempts", attempts), ("@next", nextAttemptAt), ("@delivered", deliveredAt), ("@error", error), ("@id", id), ("@me", me));
        return update.ExecuteNonQuery() == 1;
    }

    public static void Release(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<PendingBusinessEvent> rows, string me)
    {
        using var release = Sql.Command(connection, transaction, """
            UPDATE "BusinessEvents" SET "ClaimedBy" = NULL, "ClaimedUntil" = NULL WHERE "Id" = @id AND "ClaimedBy" = @me
            """, ("@id", 0L), ("@me", me));
        foreach (var row in rows)
        {
            release.Parameters["@id"].Value = row.Id;
            release.ExecuteNonQuery();
        }
    }
}
