using ConciergeBot.Activities;
using ConciergeBot.Pipeline;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>Delivering to Direct Line is storing in the conversation's transcript, where clients poll or stream it.</summary>
public sealed class DirectLineAdapter(DirectLineTranscript transcript, DirectLineSignals signals) : ITranscriptChannel
{
    public string ChannelId => DirectLineTranscript.ChannelId;

    public async Task<DeliveryResult> SendAsync(OutboundActivity outbound, CancellationToken cancellationToken)
    {
        var conversation = outbound.Activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversation))
        {
            return DeliveryResult.Failed("The activity names no conversation.");
        }

        return DeliveryResult.Delivered(await transcript.AppendBotAsync(conversation, outbound.Activity, cancellationToken));
    }

    /// <remarks>An activity that names no conversation is left to <see cref="SendAsync"/>, which records why it fails.</remarks>
    public TranscriptAppend? Append(SqliteConnection connection, SqliteTransaction transaction, Activity activity) =>
        activity.Conversation?.Id is { Length: > 0 } conversation ? transcript.AppendBot(connection, transaction, conversation, activity) : null;

    public void Appended(TranscriptAppend appended) => signals.Stored((StoredActivity)appended);
}
