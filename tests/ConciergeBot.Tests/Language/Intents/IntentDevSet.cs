using System.Text.Json;

namespace ConciergeBot.Tests.Language.Intents;

/// <summary>
/// The held-out evaluation sentences in Language/Data/intents.{language}.jsonl. Never copied into
/// the training files, and never used to choose anything about the model.
/// </summary>
internal static class IntentDevSet
{
    public static IReadOnlyList<DevExample> Load(string language)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Language", "Data", $"intents.{language}.jsonl");
        return
        [
            .. File.ReadLines(path)
                .Where(line => line.Trim().Length > 0)
                .Select(line => JsonSerializer.Deserialize<DevExample>(line, JsonSerializerOptions.Web)!),
        ];
    }
}

internal sealed record DevExample(string Text, string Intent);
