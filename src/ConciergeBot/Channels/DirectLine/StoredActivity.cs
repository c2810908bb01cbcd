using System.Globalization;
using System.Text;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>
/// An activity as stored in a conversation's transcript: its number (the watermark) and its JSON, so
/// the conversation's open streams can send it as it is instead of reading the transcript again.
/// </summary>
public sealed record StoredActivity(string ConversationId, long Sequence, string Json)
    : TranscriptAppend(DirectLineTranscript.ActivityId(ConversationId, Sequence))
{
    /// <summary>It alone as a Direct Line ActivitySet, as <see cref="DirectLineTranscript.ReadAfterAsync"/> would write it.</summary>
    public string ActivitySet() => new StringBuilder("{\"activities\":[", Json.Length + 48)
        .Append(Json)
        .Append("],\"watermark\":\"").Append(Sequence.ToString(CultureInfo.InvariantCulture)).Append("\"}")
        .ToString();
}
