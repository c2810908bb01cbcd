using ConciergeBot.Activities;
using ConciergeBot.Storage;

namespace ConciergeBot.Channels.Twilio;

/// <summary>
/// WhatsApp's customer-service window: free-form messages only within 24 hours of the customer's last
/// message. The inbox already holds every message in with its time, so it is the record; events the
/// bot stages for itself (a ticket's follow-up) are not the customer writing and do not count.
/// </summary>
public sealed class WhatsAppWindow(DatabaseConnections connections, TimeProvider clock)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    private const string LastCustomerMessage = """
        SELECT EXISTS (SELECT 1 FROM "Inbox"
            WHERE "ConversationId" = @conversation AND "ReceivedAt" > @since AND json_extract("ActivityJson", '$.type') = @message)
        """;

    public async Task<bool> IsOpenAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var read = Sql.Command(connection, null, LastCustomerMessage,
            ("@conversation", conversationId), ("@since", (clock.GetUtcNow() - Length).UtcDateTime), ("@message", ActivityTypes.Message));
        return await read.ExecuteScalarAsync(cancellationToken) is 1L;
    }
}
