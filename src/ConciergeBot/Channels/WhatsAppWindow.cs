using ConciergeBot.Activities;
using ConciergeBot.Storage;

namespace ConciergeBot.Channels;

/// <summary>
/// WhatsApp's customer-service window, on Twilio and on the Cloud API alike: free-form messages only
/// within 24 hours of the customer's last message. The inbox already holds every message in with its
/// time, so it is the record; events the bot stages for itself (a ticket's follow-up) are not the
/// customer writing and do not count.
/// </summary>
public sealed class WhatsAppWindow(DatabaseConnections connections, TimeProvider clock)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>Why a message outside the window that names no template is held rather than sent.</summary>
    public const string HeldWithoutTemplate = "Not sent: the customer last wrote more than 24 hours ago, and WhatsApp then allows only an approved template, which this message does not have. Reach them another way or wait for them to write.";

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
