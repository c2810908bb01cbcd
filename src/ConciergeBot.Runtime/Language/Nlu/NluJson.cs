using System.Text.Json;
using System.Text.Json.Serialization;
using ConciergeBot.Language.Time;

namespace ConciergeBot.Language.Nlu;

/// <summary>The JSON contract of the <c>nlu</c> command and <c>POST /api/nlu/parse</c>.</summary>
public static class NluJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static NluOutput ToOutput(string? id, NluResult result) => new(
        id,
        result.Language,
        result.Intent,
        result.Confidence,
        [.. result.Times.Select(t => new NluTime(t.Text, t.Reading.Start, t.Reading.End, t.Reading.Grain, [.. t.Alternatives.Select(a => new NluAlternative(a.Start, a.End, a.Grain))]))],
        null);

    public static NluOutput Error(string? id, string error) => new(id, null, null, null, null, error);
}

public sealed record NluInput(string? Id, string? Text, DateTimeOffset? Reference, string? TimeZone);

public sealed record NluOutput(string? Id, string? Language, string? Intent, double? Confidence, IReadOnlyList<NluTime>? Times, string? Error);

public sealed record NluTime(string Text, DateTimeOffset Start, DateTimeOffset End, TimeGrain Grain, IReadOnlyList<NluAlternative> Alternatives);

public sealed record NluAlternative(DateTimeOffset Start, DateTimeOffset End, TimeGrain Grain);
