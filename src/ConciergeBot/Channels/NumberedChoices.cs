using System.Text;
using ConciergeBot.Activities;

namespace ConciergeBot.Channels;

/// <summary>
/// A bot message as plain text where a channel has no buttons (or too many choices for them): the
/// choices as a short numbered list, which the choice prompt understands by number or by words.
/// </summary>
public static class NumberedChoices
{
    public static string Text(Activity activity)
    {
        var text = new StringBuilder(activity.Text?.Trim());
        var actions = activity.SuggestedActions?.Actions ?? [];
        for (var i = 0; i < actions.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(actions[i].Title ?? actions[i].Value?.ToString());
        }

        return text.ToString().Trim();
    }
}
