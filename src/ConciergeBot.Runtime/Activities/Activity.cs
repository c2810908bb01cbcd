using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ConciergeBot.Activities;

/// <summary>
/// One message or event, shaped like the Bot Framework activity schema so the Direct Line and
/// Bot Framework connectors can pass activities through without translating them.
/// </summary>
public sealed class Activity
{
    public string Type { get; set; } = ActivityTypes.Message;
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? Name { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public JsonNode? Value { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public string? AttachmentLayout { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public string? ReplyToId { get; set; }
    public JsonNode? ChannelData { get; set; }
    public string? InputHint { get; set; }
    public List<JsonObject>? Entities { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>Fields we do not model are kept so an activity round-trips unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public bool IsMessage => Type == ActivityTypes.Message;
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string Event = "event";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
}

public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
    public const string IgnoringInput = "ignoringInput";
}

public sealed class ChannelAccount
{
    public ChannelAccount() { }

    public ChannelAccount(string id, string? name = null, string? role = null)
    {
        Id = id;
        Name = name;
        Role = role;
    }

    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class ConversationAccount
{
    public ConversationAccount() { }

    public ConversationAccount(string id) => Id = id;

    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class Attachment
{
    public string ContentType { get; set; } = "";
    public string? ContentUrl { get; set; }
    public JsonNode? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }
}

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction> Actions { get; set; } = [];
}

public sealed class CardAction
{
    public string Type { get; set; } = ActionTypes.ImBack;
    public string Title { get; set; } = "";
    public JsonNode? Value { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public string? Image { get; set; }
}

public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
}
