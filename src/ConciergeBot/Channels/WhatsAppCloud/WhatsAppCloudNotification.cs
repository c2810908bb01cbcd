using System.Text.Json;

namespace ConciergeBot.Channels.WhatsAppCloud;

/// <summary>A customer's message as Meta notifies it; <see cref="Text"/> is what they wrote or the id of the choice they tapped.</summary>
public sealed record CloudMessage(string Id, string From, string? ProfileName, string PhoneNumberId, string Type, string Text, CloudMedia? Media);

/// <summary>A photo, document, voice note or video; fetched by its id.</summary>
public sealed record CloudMedia(string Id, string? MimeType, string? FileName);

/// <summary>What Meta says of a message we sent: <c>sent</c>, <c>delivered</c>, <c>read</c> or <c>failed</c> with its error.</summary>
public sealed record CloudStatus(string Id, string Status, string PhoneNumberId, int? ErrorCode, string? ErrorTitle);

/// <summary>
/// One webhook notification read from <c>entry[].changes[].value</c>: Meta batches, so one post may
/// carry several messages and statuses, from several numbers of the business account.
/// </summary>
public sealed record WhatsAppCloudNotification(IReadOnlyList<CloudMessage> Messages, IReadOnlyList<CloudStatus> Statuses)
{
    private static readonly string[] MediaTypes = ["image", "document", "audio", "video", "sticker"];

    /// <exception cref="JsonException">The body is not JSON.</exception>
    public static WhatsAppCloudNotification Parse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        var messages = new List<CloudMessage>();
        var statuses = new List<CloudStatus>();
        foreach (var value in Values(document.RootElement))
        {
            var phoneNumberId = String(Property(value, "metadata"), "phone_number_id") ?? "";
            var names = Array(value, "contacts")
                .Select(c => (Id: String(c, "wa_id"), Name: String(Property(c, "profile"), "name")))
                .Where(c => c.Id is not null && c.Name is not null)
                .GroupBy(c => c.Id!)
                .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
            foreach (var message in Array(value, "messages"))
            {
                if (Read(message, names, phoneNumberId) is { } read)
                {
                    messages.Add(read);
                }
            }

            foreach (var status in Array(value, "statuses"))
            {
                if (String(status, "id") is { } id && String(status, "status") is { } state)
                {
                    var error = Array(status, "errors").FirstOrDefault();
                    var code = Property(error, "code") is { ValueKind: JsonValueKind.Number } c && c.TryGetInt32(out var n) ? n : (int?)null;
                    statuses.Add(new CloudStatus(id, state, phoneNumberId, code, String(error, "title") ?? String(error, "message")));
                }
            }
        }

        return new WhatsAppCloudNotification(messages, statuses);
    }

    private static CloudMessage? Read(JsonElement message, Dictionary<string, string?> names, string phoneNumberId)
    {
        // A reaction or a system notice (the customer changed numbers) is nothing to answer.
        if (String(message, "id") is not { } id || String(message, "from") is not { } from
            || String(message, "type") is not { } type || type is "reaction" or "system")
        {
            return null;
        }

        var name = names.GetValueOrDefault(from);
        var interactive = Property(message, "interactive");
        var media = MediaTypes.Contains(type) ? Property(message, type) : default;
        var text = type switch
        {
            "text" => String(Property(message, "text"), "body"),
            "interactive" => String(Property(interactive, "button_reply"), "id") ?? String(Property(interactive, "list_reply"), "id"),
            "button" => String(Property(message, "button"), "payload") ?? String(Property(message, "button"), "text"),
            _ => String(media, "caption"),
        };
        var file = String(media, "id") is { } mediaId ? new CloudMedia(mediaId, String(media, "mime_type"), String(media, "filename")) : null;
        return new CloudMessage(id, from, name, phoneNumberId, type, text ?? "", file);
    }

    private static IEnumerable<JsonElement> Values(JsonElement root) =>
        from entry in Array(root, "entry")
        from change in Array(entry, "changes")
        let value = Property(change, "value")
        where value.ValueKind == JsonValueKind.Object
        select value;

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    private static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
