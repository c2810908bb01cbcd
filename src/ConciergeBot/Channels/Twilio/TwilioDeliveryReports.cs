using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Channels.Twilio;

/// <summary>
/// Twilio's status callbacks on the outbox row of the message: what it last said, and a failure
/// (undelivered, failed) marks the row failed with the reason. Callbacks repeat and arrive out of
/// order, so a status only ever moves forward.
/// </summary>
public sealed partial class TwilioDeliveryReports(DatabaseWriter writer, ILogger<TwilioDeliveryReports> logger)
{
    private const string Find = """
        SELECT "Id", "ChannelStatus" FROM "Outbox" WHERE "ChannelMessageId" = @sid AND "Channel" IN ('sms', 'whatsapp')
        """;

    private const string Update = """
        UPDATE "Outbox" SET "ChannelStatus" = @status,
            "Status" = CASE WHEN @failed THEN @failedStatus ELSE "Status" END,
            "LastError" = CASE WHEN @failed THEN @error ELSE "LastError" END
        WHERE "Id" = @id
        """;

    /// <returns>False when no message of ours has that SID (e.g. one sent from Twilio's console).</returns>
    public Task<bool> RecordAsync(string sid, string status, int? errorCode, CancellationToken cancellationToken) =>
        writer.WriteAsync((connection, transaction) => Record(connection, transaction, sid, status.ToLowerInvariant(), errorCode), cancellationToken);

    private bool Record(SqliteConnection connection, SqliteTransaction transaction, string sid, string status, int? errorCode)
    {
        long id;
        string? current;
        using (var find = Sql.Command(connection, transaction, Find, ("@sid", sid)))
        using (var reader = find.ExecuteReader())
        {
            if (!reader.Read())
            {
                return false;
            }

            (id, current) = (reader.GetInt64(0), Sql.ReadNullableString(reader, 1));
        }

        if (Rank(status) <= Rank(current))
        {
            return true;
        }

        var failed = status is "failed" or "undelivered";
        var error = failed ? $"Twilio: {status}{(errorCode is { } code ? $" ({code}: {TwilioErrors.Meaning(code) ?? "see Twilio's error reference"})" : "")}" : null;
        using var update = Sql.Command(connection, transaction, Update,
            ("@status", status), ("@failed", failed), ("@failedStatus", OutboxStatus.Failed), ("@error", error), ("@id", id));
        update.ExecuteNonQuery();
        if (failed)
        {
            LogUndelivered(sid, id, error);
        }

        return true;
    }

    private static int Rank(string? status) => status switch
    {
        null => -1,
        "accepted" or "scheduled" or "queued" => 0,
        "sending" => 1,
        "sent" => 2,
        "delivered" => 3,
        "read" => 4,
        "undelivered" or "failed" => 5,
        _ => 0,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio could not deliver {Sid} (outbox {OutboxId}): {Error}")]
    private partial void LogUndelivered(string sid, long outboxId, string? error);
}
