using ConciergeBot.Conversations;
using ConciergeBot.Storage;

namespace ConciergeBot.Channels;

/// <summary>WhatsApp's customer-service window (see <see cref="ChannelWindow"/>), as both WhatsApp adapters ask it before sending.</summary>
public sealed class WhatsAppWindow(DatabaseConnections connections, TimeProvider clock)
{
    /// <summary>Why a message outside the window that names no template is held rather than sent.</summary>
    public const string HeldWithoutTemplate = "Not sent: the customer last wrote more than 24 hours ago, and WhatsApp then allows only an approved template, which this message does not have. Reach them another way or wait for them to write.";

    public async Task<bool> IsOpenAsync(string channel, string conversationId, CancellationToken cancellationToken)
    {
        await using var read = await connections.OpenAsync(cancellationToken);
        return ChannelWindow.IsOpen(read.Connection, null, channel, conversationId, clock.GetUtcNow());
    }
}
