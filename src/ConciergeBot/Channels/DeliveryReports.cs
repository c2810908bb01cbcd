using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Channels;

/// <summary>
/// A provider's delivery reports (Twilio's status callbacks, WhatsApp's statuses) on the outbox row
/// of the message: what it last said, and a failure marks the row failed with the reason. Reports
/// repeat and arrive out of order, so a status only ever moves forward.
/// </summary>
public sealed partial class DeliveryReports(DatabaseWriter writer, ILogger<DeliveryReports> logger)
{
    private const string Find = """
        SELECT "Id", "ChannelStatus" FROM "Outbox"
        WHERE "ChannelMessageId" = @messageId AND "Channel" IN (SELECT "value" FROM json_each(@channels))
        """;

    private const string Update = """
        UPDATE "Outbox" SET "ChannelStatus" = @status,
            "Status" = CASE WHEN @failed THEN @failedStatus ELSE "Status" END,
            "LastError" = CASE WHEN @failed THEN @error ELSE "LastError" END
        WHERE "Id" = @id
        """;

    /// <param name="channels">Our channel ids the provider sends for; its message ids are unique only among them.</param>
    /// <param name="failure">The reason, in words, when the report says the message was not delivered.</param>
    /// <returns>False when no message of ours has that id (e.g. one sent from the provider's console).</returns>
    public Task<bool> RecordAsync(IReadOnlyList<string> channels, string channelMessageId, string status, string? failure, CancellationToken cancellationToken) =>
        writer.WriteAsync((connection, transaction) =>
            Record(connection, transaction, System.Text.Json.JsonSerializer.Serialize(channels), channelMessageId, status.ToLowerInvariant(), failure), cancellationToken);

    private bool Record(SqliteConnection connection, SqliteTransaction transaction, string channels, string messageId, string status, string? failure)
    {
        long id;
        string? current;
        using (var find = Sql.Command(connection, transaction, Find, ("@messageId", messageId), ("@channels", channels)))
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

        var failed = failure is not null;
        using var update = Sql.Command(connection, transaction, Update,
            ("@status", status), ("@failed", failed), ("@failedStatus", OutboxStatus.Failed), ("@error", failure), ("@id", id));
        update.ExecuteNonQuery();
        if (failed)
        {
            LogUndelivered(messageId, id, failure);
        }

        return true;
    }

    /// <summary>The statuses of Twilio and of WhatsApp's Cloud API, in the order a message passes them.</summary>
    private static int Rank(string? status) => status switch
    {
        null => -1,
        "accepted" or "scheduled" or "queued" => 0,
        "sending" => 1,
        "sent" => 2,
        "delivered" => 3,
        "read" or "played" => 4,
        "undelivered" or "failed" => 5,
        _ => 0,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The provider could not deliver {ChannelMessageId} (outbox {OutboxId}): {Error}")]
    private partial void LogUndelivered(string channelMessageId, long outboxId, string? error);
}
