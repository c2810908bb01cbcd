namespace ConciergeBot.Channels.Telegram;

/// <summary>
/// Cuts a text longer than one Telegram message into parts, at the last paragraph, line, sentence or
/// word break that fits, so no part ends in the middle of a word when it can be helped.
/// </summary>
internal static class TelegramMessageSplitter
{
    private static readonly string[] Breaks = ["\n\n", "\n", ". ", "! ", "? ", " "];

    public static IReadOnlyList<string> Split(string text, int limit = TelegramChannel.MaxMessageLength)
    {
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > limit)
        {
            var cut = CutAt(rest, limit);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int CutAt(string text, int limit)
    {
        // Not before the middle: a break near the start would only make many tiny messages.
        var window = text[..limit];
        foreach (var mark in Breaks)
        {
            var at = window.LastIndexOf(mark, StringComparison.Ordinal);
            if (at >= limit / 2)
            {
                return at + mark.TrimEnd().Length;
            }
        }

        // No break at all: cut hard, but never between the two halves of an emoji.
        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}
