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
        var number = Recognize(turn.Activity.Text, turn.Language);
        return Task.FromResult(number is { } n ? PromptRecognition<decimal>.Success(n) : PromptRecognition<decimal>.Failure());
    }

    /// <summary>
    /// "1.500" is fifteen hundred in Indonesian and "1,500" in English: a separator followed by
    /// exactly three digits groups thousands in the language's own style; otherwise it is a decimal point.
    /// </summary>
    internal static decimal? Recognize(string? text, string language)
    {
        var digits = Digits().Match(text ?? "");
        if (digits.Success)
        {
            var thousands = language == Languages.Indonesian ? '.' : ',';
            var value = Grouped().IsMatch(digits.Value) && digits.Value.Contains(thousands, StringComparison.Ordinal)
                ? digits.Value.Replace(thousands.ToString(), "", StringComparison.Ordinal)
                : digits.Value;
            return decimal.Parse(value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        var normalized = TextNormalizer.Normalize(text);
        if (Words.TryGetValue(normalized, out var whole))
        {
            return whole;
        }

        var word = TextNormalizer.Words(text).FirstOrDefault(Words.ContainsKey);
        return word is null ? null : Words[word];
    }

    [GeneratedRegex(@"-?\d+(?:[.,]\d{3})*(?:[.,]\d+)?")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^-?\d{1,3}(?:[.,]\d{3})+$")]
    private static partial Regex Grouped();
}
