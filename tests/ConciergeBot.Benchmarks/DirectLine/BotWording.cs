using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConciergeBot.Benchmarks.DirectLine;

/// <summary>
/// Recognises the bot's sentences by their locale keys (<c>reschedule.askWhen</c>, ...), read from the
/// same <c>locales/en.json</c> the host runs with, so the load client follows the dialog's wording
/// instead of a copy of it that could drift. A template's <c>{placeholders}</c> match any text.
/// </summary>
internal sealed class BotWording
{
    private readonly Dictionary<string, Regex> _sentences;

    private BotWording(Dictionary<string, Regex> sentences) => _sentences = sentences;

    public static BotWording Load(string localeFile)
    {
        var root = JsonNode.Parse(File.ReadAllText(localeFile))?.AsObject()
            ?? throw new InvalidDataException($"{localeFile} is not a JSON object.");
        var sentences = new Dictionary<string, Regex>(StringComparer.Ordinal);
        Collect(root, "", sentences);
        return new BotWording(sentences);
    }

    /// <summary>True when <paramref name="text"/> is the sentence <paramref name="key"/> with its placeholders filled in.</summary>
    public bool Is(string key, string? text) =>
        text is not null && (_sentences.TryGetValue(key, out var sentence)
            ? sentence.IsMatch(text)
            : throw new KeyNotFoundException($"The locale file has no sentence '{key}'."));

    private static void Collect(JsonObject node, string prefix, Dictionary<string, Regex> sentences)
    {
        foreach (var (name, value) in node)
        {
            var key = prefix + name;
            if (value is JsonObject child)
            {
                Collect(child, key + ".", sentences);
            }
            else if (value?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                sentences[key] = Pattern(value.GetValue<string>());
            }
        }
    }

    private static Regex Pattern(string template)
    {
        var parts = Regex.Split(template, @"\{[A-Za-z]+\}").Select(Regex.Escape);
        return new Regex("^" + string.Join(".+?", parts) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
