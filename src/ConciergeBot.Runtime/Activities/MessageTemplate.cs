using System.Text.Json.Nodes;

namespace ConciergeBot.Activities;

/// <summary>
/// The approved template a business-initiated message may be sent as where a channel allows only
/// templates (WhatsApp outside its 24-hour window): a name the business maps to the provider's
/// template, its numbered variables ({{1}}, {{2}}, ...) and the language it is approved in. Carried
/// in the activity's <c>channelData.template</c>.
/// </summary>
public sealed record MessageTemplate(string Name, IReadOnlyDictionary<string, string> Variables, string? Language = null)
{
    private const string Property = "template";

    public static MessageTemplate? Of(Activity activity)
    {
        if (activity.ChannelData?[Property] is not JsonObject template || template["name"]?.GetValue<string>() is not { Length: > 0 } name)
        {
            return null;
        }

        var variables = (template["variables"] as JsonObject ?? [])
            .Where(v => v.Value is JsonValue)
            .ToDictionary(v => v.Key, v => v.Value!.ToString(), StringComparer.Ordinal);
        return new MessageTemplate(name, variables, template["language"]?.GetValue<string>());
    }

    /// <summary>A template whose variables are <paramref name="values"/> in order, numbered from 1.</summary>
    public static MessageTemplate Numbered(string name, string? language, IEnumerable<string> values) =>
        new(name, values.Select((v, i) => (Key: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Value: v)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal), language);

    /// <summary>
    /// The business's approved template for this one: configured per language as <c>{name}.{language}</c>
    /// (so an English customer gets the English template), else under the name alone.
    /// </summary>
    public bool TryFind<T>(IReadOnlyDictionary<string, T> configured, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T approved)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return (Language is not null && configured.TryGetValue($"{Name}.{Language}", out approved)) || configured.TryGetValue(Name, out approved);
    }

    public void ApplyTo(Activity activity)
    {
        var data = activity.ChannelData as JsonObject ?? [];
        data[Property] = new JsonObject
        {
            ["name"] = Name,
            ["language"] = Language,
            ["variables"] = new JsonObject(Variables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))),
        };
        activity.ChannelData = data;
    }
}
