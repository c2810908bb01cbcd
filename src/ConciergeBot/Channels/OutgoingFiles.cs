using ConciergeBot.Activities;

namespace ConciergeBot.Channels;

/// <summary>
/// The files of a bot message on a messaging channel: one at a public address can go as media (the
/// provider fetches it); anything else, such as a path on our host, goes as a link in the text.
/// </summary>
public static class OutgoingFiles
{
    public static (IReadOnlyList<Attachment> Media, IReadOnlyList<string> Links) Of(Activity activity, bool mediaAllowed)
    {
        var media = new List<Attachment>();
        var links = new List<string>();
        foreach (var attachment in (activity.Attachments ?? []).Where(a => a.ContentUrl is not null))
        {
            var absolute = Uri.TryCreate(attachment.ContentUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
            if (mediaAllowed && absolute)
            {
                media.Add(attachment);
            }
            else
            {
                links.Add(attachment.ContentUrl!);
            }
        }

        return (media, links);
    }
}
