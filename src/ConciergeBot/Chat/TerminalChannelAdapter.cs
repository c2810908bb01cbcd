using System.Text;
using ConciergeBot.Activities;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Chat;

/// <summary>The terminal as a channel: text as lines, choices as a numbered list (answer with the number or the words).</summary>
public sealed class TerminalChannelAdapter(TextWriter output) : IChannelAdapter
{
    public const string Id = "terminal";

    public string ChannelId => Id;

    public Task<DeliveryResult> SendAsync(OutboundActivity outbound, CancellationToken cancellationToken)
    {
        var rendered = Render(outbound.Activity);
        if (rendered.Length > 0)
        {
            lock (output)
            {
                output.WriteLine(rendered);
                output.Flush();
            }
        }

        return Task.FromResult(DeliveryResult.Delivered(outbound.OutboxId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static string Render(Activity activity)
    {
        if (!activity.IsMessage)
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append("Bot: ").Append(activity.Text);
        var actions = activity.SuggestedActions?.Actions ?? [];
        for (var i = 0; i < actions.Count; i++)
        {
            text.AppendLine().Append("  ").Append(i + 1).Append(". ").Append(actions[i].Title);
        }

        foreach (var attachment in activity.Attachments ?? [])
        {
            text.AppendLine().Append("  [").Append(attachment.Name ?? attachment.ContentType).Append(']');
            if (attachment.ContentUrl is { } url)
            {
                text.Append(' ').Append(url);
            }
        }

        return text.ToString();
    }
}
