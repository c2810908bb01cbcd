using System.Collections.Concurrent;
using System.Threading.Channels;
using ConciergeBot.Activities;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>
/// Wakes the open streams of a conversation in this process: something new was stored, or the bot
/// is typing (typing is never stored). Streams also look at the database now and then, so a reply
/// stored by another instance reaches them too.
/// </summary>
public sealed class DirectLineSignals
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<Activity?>, byte>> _streams = new();

    /// <summary>A stream's mailbox: null means "read the transcript", an activity is sent as it is.</summary>
    public Channel<Activity?> Subscribe(string conversationId)
    {
        var mailbox = Channel.CreateBounded<Activity?>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        _streams.GetOrAdd(conversationId, _ => new()).TryAdd(mailbox, 0);
        return mailbox;
    }

    public void Unsubscribe(string conversationId, Channel<Activity?> mailbox)
    {
        if (_streams.TryGetValue(conversationId, out var streams))
        {
            streams.TryRemove(mailbox, out _);
        }
    }

    public void Stored(string conversationId) => Post(conversationId, null);

    public void Typing(string conversationId) => Post(conversationId, new Activity
    {
        Type = ActivityTypes.Typing,
        ChannelId = DirectLineTranscript.ChannelId,
        Conversation = new ConversationAccount(conversationId),
        From = new ChannelAccount("concierge", role: "bot"),
    });

    private void Post(string conversationId, Activity? signal)
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
