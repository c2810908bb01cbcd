namespace ConciergeBot.Channels;

/// <summary>Long text split between sentences so no part exceeds what one message of a channel carries.</summary>
public static class MessageSplitter
{
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

        // No break at all: cut hard, but never between the two halves of an emoji.
        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}
