using System.Text.Json.Nodes;

namespace ConciergeBot.Tests.Channels.Telegram;

/// <summary>Updates as Telegram posts them (Bot API JSON), for a private chat whose id is the user's id.</summary>
public static class TelegramUpdatesJson
{
    public static JsonObject Text(int updateId, long userId, string text, string language = "en") =>
        Update(updateId, Message(updateId, userId, language, m => m["text"] = text));

    public static JsonObject Command(int updateId, long userId, string command, string language = "en") =>
        Update(updateId, Message(updateId, userId, language, m =>
        {
            m["text"] = command;
            m["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = command.Split(' ')[0].Length });
        }));

    public static JsonObject Contact(int updateId, long userId, string phone, long? contactUserId = null) =>
        Update(updateId, Message(updateId, userId, "en", m => m["contact"] = new JsonObject
        {
            ["phone_number"] = phone,
            ["first_name"] = "Budi",
            ["last_name"] = "Santoso",
            ["user_id"] = contactUserId ?? userId,
        }));

    public static JsonObject Photo(int updateId, long userId, string caption) =>
        Update(updateId, Message(updateId, userId, "en", m =>
        {
            m["caption"] = caption;
            m["photo"] = new JsonArray(
                new JsonObject { ["file_id"] = "photo-small", ["file_unique_id"] = "s1", ["width"] = 90, ["height"] = 67, ["file_size"] = 1200 },
                new JsonObject { ["file_id"] = "photo-big", ["file_unique_id"] = "u1", ["width"] = 1280, ["height"] = 960, ["file_size"] = 8 });
        }));

    /// <summary>A tap on an inline button of the bot's message <paramref name="buttons"/>.</summary>
    public static JsonObject Callback(int updateId, long userId, string data, JsonArray buttons) => new()
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"cq-{updateId}",
            ["from"] = User(userId, "en"),
            ["chat_instance"] = "ci-1",
            ["data"] = data,
            ["message"] = new JsonObject
            {
                ["message_id"] = 500 + updateId,
                ["date"] = 1_796_094_000,
                ["chat"] = Chat(userId),
                ["from"] = new JsonObject { ["id"] = 123456789, ["is_bot"] = true, ["first_name"] = "Concierge" },
                ["text"] = "What can I help you with?",
                ["reply_markup"] = new JsonObject { ["inline_keyboard"] = buttons.DeepClone() },
            },
        },
    };

    private static JsonObject Update(int updateId, JsonObject message) => new() { ["update_id"] = updateId, ["message"] = message };

    private static JsonObject Message(int updateId, long userId, string language, Action<JsonObject> fill)
    {
        var message = new JsonObject
        {
            ["message_id"] = updateId,
            ["date"] = 1_796_094_000,
            ["chat"] = Chat(userId),
            ["from"] = User(userId, language),
        };
        fill(message);
        return message;
    }

    private static JsonObject Chat(long userId) => new() { ["id"] = userId, ["type"] = "private", ["first_name"] = "Budi" };

    private static JsonObject User(long userId, string language) =>
        new() { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Budi", ["language_code"] = language };
}
