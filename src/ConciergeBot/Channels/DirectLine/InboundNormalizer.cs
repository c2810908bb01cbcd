using System.Text.Json.Nodes;
using ConciergeBot.Activities;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>
/// What Web Chat posts, made into the one activity model dialogs read: the page's
/// <c>webchat/join</c> event is the customer opening the chat (a conversation update in the
/// browser's language), and a postBack or Adaptive Card submit without text carries the choice it
/// stands for in its value.
/// </summary>
internal static class InboundNormalizer
{
    public const string JoinEvent = "webchat/join";

    private static readonly string[] ChoiceFields = ["choice", "value", "action", "text"];

    public static Activity Normalize(Activity activity)
    {
        if (activity is { Type: ActivityTypes.Event, Name: JoinEvent })
        {
            activity.Type = ActivityTypes.ConversationUpdate;
            activity.Locale = activity.Value?["language"]?.GetValue<string>() ?? activity.Locale;
            activity.MembersAdded = [activity.From!];
            return activity;
        }

        if (activity.Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(activity.Text) && activity.Value is JsonObject submitted)
        {
            activity.Text = ChoiceFields.Select(f => submitted[f]).OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).FirstOrDefault(s => s is not null)
                ?? (submitted.Count == 1 && submitted.First().Value is JsonValue only && only.TryGetValue<string>(out var single) ? single : null);
        }

        return activity;
    }
}
