using ConciergeBot.Activities;

namespace ConciergeBot.Pipeline;

/// <summary>Our id for a conversation: the channel plus the channel's own conversation id.</summary>
public static class ConversationKey
{
    public static string For(string channelId, string channelConversationId) => $"{channelId}:{channelConversationId}";

    public static string For(Activity activity) =>
        For(activity.ChannelId ?? throw new ArgumentException("An inbound activity needs a channelId."),
            activity.Conversation?.Id ?? throw new ArgumentException("An inbound activity needs a conversation id."));
}
