namespace ConciergeBot.Language;

public enum WhileWaiting
{
    /// <summary>Something for the agent: the bot stays silent.</summary>
    ForTheAgent,

    /// <summary>"Never mind" / "gak jadi": back to the bot.</summary>
    Withdraw,

    /// <summary>"Still waiting?" / "masih lama?": tell the current position.</summary>
    AskingForUpdate,
}

/// <summary>What a customer waiting for a person means by a short message, in English or Indonesian.</summary>
public static class HandoffPhrases
{
    private static readonly HashSet<string> Withdraw = new(StringComparer.Ordinal)
    {
        "never mind", "nevermind", "nvm", "forget it", "no need", "no need anymore", "cancel", "cancel it", "stop waiting", "i changed my mind",
        "gak jadi", "ga jadi", "gk jadi", "nggak jadi", "ngga jadi", "enggak jadi", "tidak jadi", "tdk jadi", "batal", "batal aja", "batalkan",
        "gak usah", "ga usah", "nggak usah", "tidak usah", "udah gak perlu", "sudah tidak perlu", "gak jadi deh", "ga jadi deh",
    };

    private static readonly string[] UpdateWords =
    [
        "still waiting", "how long", "anyone there", "anybody there", "is anyone", "hello", "any update", "when will", "waiting",
        "masih lama", "berapa lama", "lama banget", "lama sekali", "ada orang", "ada yang", "halo", "kapan dibalas", "kapan dibales", "masih nunggu", "masih menunggu", "nunggu", "antrian", "antrean",
    ];

    public static WhileWaiting Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return WhileWaiting.ForTheAgent;
        }

        if (Withdraw.Contains(normalized) || Withdraw.Contains(normalized.TrimEnd('s')))
        {
            return WhileWaiting.Withdraw;
        }

        // Short messages only: a long one that mentions waiting is most likely detail for the agent.
        var words = normalized.Split(' ').Length;
        return words <= 6 && UpdateWords.Any(w => $" {normalized} ".Contains($" {w} ", StringComparison.Ordinal))
            ? WhileWaiting.AskingForUpdate
            : WhileWaiting.ForTheAgent;
    }
}
