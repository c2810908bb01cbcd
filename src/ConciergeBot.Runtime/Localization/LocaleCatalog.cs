using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace ConciergeBot.Localization;

/// <summary>
/// Every sentence the bot says, per language, read once at start from the locale files a business
/// edits (<c>dialogs/locales/{language}.json</c>; nested objects become dotted keys).
/// </summary>
public sealed class LocaleCatalog
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;

    public LocaleCatalog(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> texts)
    {
        _texts = texts.ToFrozenDictionary(l => l.Key, l => l.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Languages => _texts.Keys;

    public IReadOnlyCollection<string> Keys(string language) => _texts[language].Keys;

    public bool Contains(string language, TextKey key) =>
        _texts.TryGetValue(language, out var texts) && texts.ContainsKey(key.Name);

    /// <summary>
    /// A label a channel draws around a message (a button that opens a list), in the language the
    /// message was written in; <paramref name="fallback"/> where no locale file has it.
    /// </summary>
    public string ForMessage(Activities.Activity message, TextKey key, string fallback)
    {
        var language = Localization.Languages.FromLocale(message.Locale) ?? Localization.Languages.English;
        return Contains(language, key) ? Get(language, key) : fallback;
    }

    /// <summary>The sentence in <paramref name="language"/> with <c>{name}</c> placeholders filled in.</summary>
    public string Get(string language, TextKey key, params TextArg[] args)
    {
        if (!_texts.TryGetValue(language, out var texts) || !texts.TryGetValue(key.Name, out var template))
        {
            throw new KeyNotFoundException($"The locale file for '{language}' has no text '{key.Name}'.");
        }

        return args.Length == 0 ? template : Fill(template, args);
    }

    private static string Fill(string template, TextArg[] args)
    {
        var text = new StringBuilder(template);
        foreach (var arg in args)
        {
            text.Replace("{" + arg.Name + "}", arg.Value);
        }

        return text.ToString();
    }

    public static LocaleCatalog Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No locale folder at '{Path.GetFullPath(folder)}'.");
        }

        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var flat = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(document.RootElement, "", flat, file);
            texts[Path.GetFileNameWithoutExtension(file)] = flat;
        }

        return new LocaleCatalog(texts);
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> flat, string file)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", flat, file);
                }

                break;
            case JsonValueKind.String:
                flat[prefix] = element.GetString()!;
                break;
            default:
                throw new InvalidDataException($"{file}: '{prefix}' must be a text or an object of texts.");
        }
    }
}

public readonly record struct TextArg(string Name, string Value)
{
    public static implicit operator TextArg((string Name, string Value) pair) => new(pair.Name, pair.Value);
}
