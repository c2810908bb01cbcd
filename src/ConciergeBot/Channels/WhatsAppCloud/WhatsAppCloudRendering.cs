using System.Globalization;
using System.Text.Json.Nodes;
using ConciergeBot.Activities;

namespace ConciergeBot.Channels.WhatsAppCloud;

/// <summary>
/// A bot message as Cloud API messages (without the envelope): up to three short choices as reply
/// buttons, up to ten as a list, more (or longer ones) as a numbered list in the text; long text split;
/// files at a public address as media, others as links. A tapped choice comes back with its value as id.
/// </summary>
public static class WhatsAppCloudRendering
{
    public const int MaxTextLength = 4096;
    private const int MaxInteractiveBody = 1024;
    private const int MaxButtons = 3;
    private const int MaxButtonTitle = 20;
    private const int MaxRows = 10;
    private const int MaxRowTitle = 24;
    private const int MaxRowId = 200;

    /// <param name="listButton">The label of the button that opens a list (20 characters at most).</param>
    public static IReadOnlyList<JsonObject> Messages(Activity activity, string listButton)
    {
        var (media, links) = OutgoingFiles.Of(activity, mediaAllowed: true);
        var messages = new List<JsonObject>();
        var text = string.Join('\n', new[] { activity.Text?.Trim() ?? "" }.Concat(links).Where(t => t.Length > 0));
        var choices = (activity.SuggestedActions?.Actions ?? []).Select(a => (Id: IdOf(a), Title: a.Title is { Length: > 0 } title ? title : IdOf(a))).ToList();
        if (Interactive(text, choices, listButton) is { } interactive)
        {
            messages.Add(interactive);
        }
        else
        {
            var plain = choices.Count == 0 ? text : string.Join('\n', new[] { NumberedChoices.Text(activity) }.Concat(links));
            messages.AddRange(MessageSplitter.Split(plain, MaxTextLength).Select(Text));
        }

        messages.AddRange(media.Select(Media));
        return messages;
    }

    /// <summary>An approved template with the message's numbered variables, in number order, as the body's parameters.</summary>
    public static JsonObject Template(WhatsAppCloudTemplate template, MessageTemplate message)
    {
        var content = new JsonObject { ["name"] = template.Name, ["language"] = new JsonObject { ["code"] = template.Language } };
        var parameters = message.Variables
            .OrderBy(v => int.TryParse(v.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ThenBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = v.Value })
            .ToArray();
        if (parameters.Length > 0)
        {
            content["components"] = new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = new JsonArray(parameters) });
        }

        return new JsonObject { ["type"] = "template", ["template"] = content };
    }

    private static JsonObject? Interactive(string text, List<(string Id, string Title)> choices, string listButton)
    {
        var distinct = choices.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() == choices.Count
            && choices.Select(c => c.Title).Distinct(StringComparer.Ordinal).Count() == choices.Count;
        if (choices.Count == 0 || text.Length == 0 || text.Length > MaxInteractiveBody || !distinct || choices.Any(c => c.Id.Length is 0 or > MaxRowId))
        {
            return null;
        }

        JsonObject action;
        string kind;
        if (choices.Count <= MaxButtons && choices.All(c => c.Title.Length <= MaxButtonTitle))
        {
            kind = "button";
            action = new JsonObject
            {
                ["buttons"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject
                {
                    ["type"] = "reply",
                    ["reply"] = new JsonObject { ["id"] = c.Id, ["title"] = c.Title },
                })]),
            };
        }
        else if (choices.Count <= MaxRows && choices.All(c => c.Title.Length <= MaxRowTitle))
        {
            kind = "list";
            action = new JsonObject
            {
                ["button"] = listButton.Length > MaxButtonTitle ? listButton[..MaxButtonTitle] : listButton,
                ["sections"] = new JsonArray(new JsonObject
                {
                    ["rows"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["title"] = c.Title })]),
                }),
            };
        }
        else
        {
            return null;
        }

        return new JsonObject
        {
            ["type"] = "interactive",
            ["interactive"] = new JsonObject { ["type"] = kind, ["body"] = new JsonObject { ["text"] = text }, ["action"] = action },
        };
    }

    /// <summary>The value the choice prompt recognises; an imBack's value is its title.</summary>
    private static string IdOf(CardAction action) =>
        action.Value is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0 ? id : action.Title;

    private static JsonObject Text(string body) => new() { ["type"] = "text", ["text"] = new JsonObject { ["body"] = body } };

    private static JsonObject Media(Attachment file)
    {
        var type = file.ContentType.Split('/')[0] switch
        {
            "image" => "image",
            "video" => "video",
            "audio" => "audio",
            _ => "document",
        };
        var content = new JsonObject { ["link"] = file.ContentUrl };
        if (type == "document" && file.Name is { Length: > 0 } name)
        {
            content["filename"] = name;
        }

        return new JsonObject { ["type"] = type, [type] = content };
    }
}
