using System.Text.Json.Serialization;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>A started or resumed conversation, as Direct Line 3.0 answers it.</summary>
public sealed record DirectLineConversation(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl);

/// <summary>A token, as <c>tokens/generate</c> and <c>tokens/refresh</c> answer it.</summary>
public sealed record DirectLineToken(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>The id a posted activity got.</summary>
public sealed record PostedActivity(string Id);
