using ConciergeBot.Activities;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Pipeline;

/// <summary>
/// A channel whose delivery is appending to a transcript in this same database, where its clients
/// read (Direct Line). Such a delivery cannot fail in any way the turn's own commit would not, so the
/// <see cref="TurnRunner"/> appends the turn's replies inside that commit instead of leaving them to
/// the <see cref="OutboxDispatcher"/>: no claim, delivery and record writes, no wait for its pass.
/// </summary>
public interface ITranscriptChannel : IChannelAdapter
{
    /// <summary>Appends <paramref name="activity"/> inside the caller's write on the single writer.</summary>
    /// <returns>What was appended, or null when it cannot be (nothing written).</returns>
    TranscriptAppend? Append(SqliteConnection connection, SqliteTransaction transaction, Activity activity);

    /// <summary>After the write with the <see cref="Append"/> has committed: tells the conversation's readers.</summary>
    void Appended(TranscriptAppend appended);
}

/// <summary>An activity a <see cref="ITranscriptChannel"/> appended; the channel's own kind carries what its readers need.</summary>
/// <param name="ChannelMessageId">The channel's id for it, as a delivery would have returned it.</param>
public abstract record TranscriptAppend(string ChannelMessageId);
