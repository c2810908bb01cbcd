using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ConciergeBot.Language.Intents;

/// <summary>
/// Reads training sentences written like Rasa NLU files: an <c>nlu:</c> list of
/// <c>- intent: name</c> entries, each with an <c>examples: |</c> block of <c>- sentence</c> lines.
/// Other entries Rasa allows (synonyms, regexes, lookups) are skipped, and entity markup
/// ("[besok](date)") keeps only its text, so files written for Rasa can be used as they are.
/// </summary>
public static partial class IntentTrainingData
{
    /// <summary>Every <c>intents.*.yml</c> in <paramref name="folder"/>, in file-name order.</summary>
    public static IReadOnlyList<IntentExample> Load(string folder)
    {
        var files = Directory.GetFiles(folder, "intents.*.yml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"No intents.*.yml training files in {folder}.");
        }

        return [.. files.SelectMany(file => Parse(File.ReadAllText(file), file))];
    }

    public static IReadOnlyList<IntentExample> Parse(string yaml, string source = "yaml")
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0
            || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("nlu"), out var nlu)
            || nlu is not YamlSequenceNode entries)
        {
            throw new FormatException($"{source}: expected a top-level 'nlu:' list.");
        }

        var examples = new List<IntentExample>();
        foreach (var entry in entries.OfType<YamlMappingNode>())
        {
            if (Scalar(entry, "intent") is not { Length: > 0 } intent)
            {
                continue;
            }

            var block = Scalar(entry, "examples") ?? throw new FormatException($"{source}: intent '{intent}' has no examples.");
            examples.AddRange(Sentences(block).Select(text => new IntentExample(text, intent.Trim())));
        }

        return examples;
    }

    private static IEnumerable<string> Sentences(string block) =>
        block.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith('-'))
            .Select(line => EntityMarkup().Replace(line[1..].Trim(), "$1"))
            .Where(text => text.Length > 0);

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    [GeneratedRegex(@"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")]
    private static partial Regex EntityMarkup();
}
