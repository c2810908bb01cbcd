using System.Text.Json.Nodes;

namespace ConciergeBot.Activities;

/// <summary>
/// The approved template a business-initiated message may be sent as where a channel allows only
/// templates (WhatsApp outside its 24-hour window): a name the business maps to the provider's
/// template, and its numbered variables. Carried in the activity's <c>channelData.template</c>.
/// </summary>
public sealed record MessageTemplate(string Name, IReadOnlyDictionary<string, string> Variables)
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
        return new MessageTemplate(name, variables);
    }

    public void ApplyTo(Activity activity)
    {
        var data = activity.ChannelData as JsonObject ?? [];
        data[Property] = new JsonObject
        {
            ["name"] = Name,
            ["variables"] = new JsonObject(Variables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))),
        };
        activity.ChannelData = data;
    }
}
