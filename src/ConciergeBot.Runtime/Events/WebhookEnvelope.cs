using System.Buffers;
using System.Text.Json;

namespace ConciergeBot.Events;

/// <summary>The body of a delivery: <c>{ "id", "type", "occurredAt", "data" }</c>, with the stored payload as <c>data</c>.</summary>
internal static class WebhookEnvelope
{
    /// <exception cref="JsonException">The stored payload is not JSON.</exception>
    public static byte[] Serialize(Guid eventId, string type, DateTime occurredAtUtc, string payloadJson)
    {
        var body = new ArrayBufferWriter<byte>(payloadJson.Length + 160);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("id", eventId);
            json.WriteString("type", type);
            json.WriteString("occurredAt", DateTime.SpecifyKind(occurredAtUtc, DateTimeKind.Utc));
            json.WritePropertyName("data");
            json.WriteRawValue(payloadJson);
            json.WriteEndObject();
        }

        // The signature covers these exact bytes: they are built once and sent as they are.
        return body.WrittenSpan.ToArray();
    }
}
