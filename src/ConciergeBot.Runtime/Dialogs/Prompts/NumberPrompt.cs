using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConciergeBot.Language;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs.Prompts;

/// <summary>A number, in digits ("2", "1.5", "1,5") or as a word up to twelve in English or Indonesian.</summary>
public sealed partial class NumberPrompt(string id, PromptValidator<decimal>? validator = null) : Prompt<decimal>(id, validator)
{
    private static readonly Dictionary<string, int> Words = new(NumberWords.OneToTwelve, StringComparer.Ordinal)
    {
        ["zero"] = 0,
        ["nol"] = 0,
        ["dua belas"] = 12,
    };

    protected override TextKey RetryText => RuntimeTexts.RetryNumber;

    protected override Task<PromptRecognition<decimal>> RecognizeAsync(TurnContext turn, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var number = Recognize(turn.Activity.Text);
        return Task.FromResult(number is { } n ? PromptRecognition<decimal>.Success(n) : PromptRecognition<decimal>.Failure());
    }

    internal static decimal? Recognize(string? text)
    {
        var digits = Digits().Match(text ?? "");
        if (digits.Success)
        {
            return decimal.Parse(digits.Value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        var normalized = TextNormalizer.Normalize(text);
        if (Words.TryGetValue(normalized, out var whole))
        {
            return whole;
        }

        var word = TextNormalizer.Words(text).FirstOrDefault(Words.ContainsKey);
        return word is null ? null : Words[word];
    }

    [GeneratedRegex(@"-?\d+(?:[.,]\d+)?")]
    private static partial Regex Digits();
}
