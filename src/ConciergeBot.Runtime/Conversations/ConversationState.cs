using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ConciergeBot.Dialogs;

namespace ConciergeBot.Conversations;

/// <summary>Everything a conversation remembers between turns, as plain JSON in its database row.</summary>
public sealed class ConversationState
{
    public List<DialogInstance> DialogStack { get; set; } = [];

    /// <summary>True once the customer's words (or an explicit request) fixed the language.</summary>
    public bool LanguageSettled { get; set; }

    /// <summary>
    /// The open handoff case while a person has (or is about to take) the conversation: the bot then
    /// says nothing on its own, and the conversation is never reset for being idle.
    /// </summary>
    public Guid? Handoff { get; set; }

    /// <summary>
    /// A question the bot started itself (a check-in, a reminder, a ticket's follow-up) is answered
    /// hours later as often as not: until this time the conversation is not reset for being idle.
    /// </summary>
    public DateTimeOffset? KeepUntil { get; set; }

    /// <summary>Conversation-scoped values dialogs share (e.g. what the customer already told us).</summary>
    public JsonObject Memory { get; set; } = [];

    public string Serialize() => JsonSerializer.Serialize(this, StateJson.Options);

    public static ConversationState Deserialize(string json) =>
        string.IsNullOrWhiteSpace(json) || json == "{}"
            ? new ConversationState()
            : JsonSerializer.Deserialize<ConversationState>(json, StateJson.Options) ?? new ConversationState();
}

/// <summary>How dialog state, options and results are written: camelCase, nulls left out.</summary>
public static class StateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    public static T? FromNode<T>(JsonNode? node) => node is null ? default : node.Deserialize<T>(Options);
}
