using ConciergeBot.Activities;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Conversations;

/// <summary>
/// How long after the customer's last message a channel lets the business write freely (WhatsApp, on
/// Twilio or the Cloud API: 24 hours; then only approved templates). The inbox holds every message in
/// with its time, so it is the record; events the bot stages for itself (a ticket's follow-up, a
/// check-in) are not the customer writing and do not count.
/// </summary>
public static class ChannelWindow
{
    private const string LastCustomerMessageSql = """
        SELECT MAX("ReceivedAt") FROM "Inbox" WHERE "ConversationId" = @id AND json_extract("ActivityJson", '$.type') = @message
        """;

    public static TimeSpan? FreeForm(string channel) => channel switch
    {
        "whatsapp" or "whatsapp-cloud" => TimeSpan.FromHours(24),
        _ => null,
    };

    public static bool AllowsFreeForm(string channel, DateTimeOffset? lastCustomerMessage, DateTimeOffset now) =>
        FreeForm(channel) is not { } window || (lastCustomerMessage is { } last && now - last < window);

    /// <summary>Whether the bot may write freely in <paramref name="conversationId"/> now, read where the caller stands (a pooled connection or the writer's transaction).</summary>
    public static bool IsOpen(SqliteConnection connection, SqliteTransaction? transaction, string channel, string conversationId, DateTimeOffset now) =>
        FreeForm(channel) is null || AllowsFreeForm(channel, LastCustomerMessage(connection, transaction, conversationId), now);

    private static DateTimeOffset? LastCustomerMessage(SqliteConnection connection, SqliteTransaction? transaction, string conversationId)
    {
        using var read = Sql.Command(connection, transaction, LastCustomerMessageSql, ("@id", conversationId), ("@message", ActivityTypes.Message));
        using var reader = read.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? new DateTimeOffset(Sql.ReadTime(reader, 0), TimeSpan.Zero) : null;
    }
}
