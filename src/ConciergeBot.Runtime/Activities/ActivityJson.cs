using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConciergeBot.Activities;

/// <summary>The one JSON shape for activities: camelCase names, nulls left out, as the schema does.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = ActivityJsonContext.Default.Options;

    public static string Serialize(Activity activity) =>
        JsonSerializer.Serialize(activity, ActivityJsonContext.Default.Activity);

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ActivityJsonContext.Default.Activity)
        ?? throw new JsonException("An activity cannot be null.");

    public static Activity Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, ActivityJsonContext.Default.Activity)
        ?? throw new JsonException("An activity cannot be null.");

    public static Activity Clone(Activity activity) => Deserialize(Serialize(activity));
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(List<Activity>))]
internal sealed partial class ActivityJsonContext : JsonSerializerContext;
