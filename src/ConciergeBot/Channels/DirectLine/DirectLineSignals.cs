using System.Collections.Concurrent;
using System.Threading.Channels;
using ConciergeBot.Activities;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>
/// Wakes the open streams of a conversation in this process: something new was stored (and what), or
/// the bot is typing (typing is never stored). Streams also look at the database now and then, so a
/// reply stored by another instance reaches them too.
/// </summary>
public sealed class DirectLineSignals
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<StreamWake>, byte>> _streams = new();

    /// <summary>
    /// A stream's mailbox. When it overflows the oldest go: the newest stored activity then no longer
    /// follows the stream's watermark, and the stream reads the transcript for what it missed.
    /// </summary>
    public Channel<StreamWake> Subscribe(string conversationId)
    {
        var mailbox = Channel.CreateBounded<StreamWake>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        _streams.GetOrAdd(conversationId, _ => new()).TryAdd(mailbox, 0);
        return mailbox;
    }

    public void Unsubscribe(string conversationId, Channel<StreamWake> mailbox)
    {
        if (_streams.TryGetValue(conversationId, out var streams))
        {
            streams.TryRemove(mailbox, out _);
        }
    }

    public void Stored(StoredActivity stored) => Post(stored.ConversationId, new StreamWake(null, stored));

    public void Typing(string conversationId) => Post(conversationId, new StreamWake(new Activity
    {
        Type = ActivityTypes.Typing,
        ChannelId = DirectLineTranscript.ChannelId,
        Conversation = new ConversationAccount(conversationId),
        From = new ChannelAccount("concierge", role: "bot"),
    }, null));

    private void Post(string conversationId, StreamWake signal)
    {
        if (_streams.TryGetValue(conversationId, out var streams))
        {
            foreach (var mailbox in streams.Keys)
            {
                mailbox.Writer.TryWrite(signal);
            }
        }
    }
}

/// <summary>What wakes a stream: typing, sent as it is, or an activity just stored in the transcript.</summary>
public readonly record struct StreamWake(Activity? Typing, StoredActivity? Stored);
