using System.Text;
using ConciergeBot.Activities;

namespace ConciergeBot.Channels.Twilio;

/// <summary>
/// A bot message as plain text for SMS and WhatsApp: choices as a short numbered list (the customer
/// answers with the number or the words), files as media or links, and long text split between
/// sentences so no part exceeds what one message carries.
/// </summary>
public static class TwilioRendering
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

    /// <summary>Public files go as media (WhatsApp, MMS); anything else as a link in the text.</summary>
    public static (IReadOnlyList<string> Media, IReadOnlyList<string> Links) Files(Activity activity, bool mediaAllowed)
    {
        var media = new List<string>();
        var links = new List<string>();
        foreach (var url in (activity.Attachments ?? []).Select(a => a.ContentUrl).OfType<string>())
        {
            var absolute = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
            (mediaAllowed && absolute ? media : links).Add(url);
        }

        return (media, links);
    }

    public static IReadOnlyList<string> Split(string text, int limit)
    {
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > limit)
        {
            var cut = BestCut(rest, limit);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    /// <summary>The last paragraph, line, sentence or word end within the limit, in that order of preference.</summary>
    private static int BestCut(string text, int limit)
    {
        var window = text.AsSpan(0, limit);
        foreach (var separator in (string[])["\n\n", "\n", ". ", "? ", "! ", " "])
        {
            var at = window.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > limit / 3)
            {
                return at + separator.Length;
            }
        }

        return limit;
    }
}
