namespace ConciergeBot.Language;

/// <summary>
/// Whether a message sounds angry, in English or Indonesian: strong words, or shouting (mostly
/// capitals, several exclamation marks). Deliberately plain; a match only counts towards handing
/// an angry customer to a person after repeated messages.
/// </summary>
public static class AngerRecognizer
{
    private static readonly string[] Words =
    [
        "ridiculous", "unacceptable", "terrible", "horrible", "awful", "useless", "worst", "angry", "furious", "pathetic", "disgusting", "scam", "rubbish", "stupid", "wtf", "damn",
        "kecewa", "marah", "parah", "kesal", "kesel", "payah", "jelek banget", "nyebelin", "brengsek", "bodoh", "goblok", "penipu", "tipu", "keterlaluan", "gila", "sialan", "anjir", "bego",
    ];

    public static bool IsAngry(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var letters = text.Where(char.IsLetter).ToArray();
        var shouting = letters.Length >= 8 && letters.Count(char.IsUpper) >= letters.Length * 0.8;
        var exclaiming = text.Count(c => c == '!') >= 3;
        var normalized = $" {TextNormalizer.Normalize(text)} ";
        return shouting || exclaiming || Words.Any(w => normalized.Contains($" {w} ", StringComparison.Ordinal));
    }
}
