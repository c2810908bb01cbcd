using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ConciergeBot.Tests.Channels.Telegram;

/// <summary>
/// A local stand-in for the Bot API (WireMock.Net) that answers like Telegram and records every call,
/// so tests check what the bot sent: <c>{url}/bot{token}/{method}</c> and <c>{url}/file/bot{token}/{path}</c>.
/// </summary>
public sealed class FakeTelegramApi : IDisposable
{
    public const string Token = "123456789:TEST-token_abcdefghij";
    public static readonly byte[] PhotoBytes = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];

    public FakeTelegramApi()
    {
        Server = WireMockServer.Start();
        Answer("sendMessage", SentMessage());
        Answer("sendPhoto", SentMessage());
        Answer("sendDocument", SentMessage());
        foreach (var method in new[] { "sendChatAction", "answerCallbackQuery", "setWebhook", "deleteWebhook" })
        {
            Answer(method, true);
        }

        Answer("getFile", new JsonObject { ["file_id"] = "photo-big", ["file_unique_id"] = "u1", ["file_size"] = PhotoBytes.Length, ["file_path"] = "photos/file_7.jpg" });
        Server.Given(Request.Create().WithPath($"/file/bot{Token}/photos/file_7.jpg").UsingGet())
            .AtPriority(10)
            .RespondWith(Response.Create().WithBody(PhotoBytes).WithHeader("Content-Type", "image/jpeg"));
        // Like a long poll with nothing new, but short: the test's own updates come through QueueUpdates.
        Server.Given(Request.Create().WithPath($"/bot{Token}/getUpdates").UsingPost())
            .AtPriority(10)
            .RespondWith(Json(Ok(new JsonArray())).WithDelay(TimeSpan.FromMilliseconds(200)));
    }

    public WireMockServer Server { get; }

    public string Url => Server.Url!;

    /// <summary>The bodies the bot posted to <paramref name="method"/>, oldest first.</summary>
    public IReadOnlyList<JsonObject> Calls(string method) =>
        [.. Server.LogEntries
            .Where(e => e.RequestMessage.Path == $"/bot{Token}/{method}")
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => e.RequestMessage.Body is { Length: > 0 } body && body.TrimStart().StartsWith('{') ? JsonNode.Parse(body)!.AsObject() : new JsonObject())];

    /// <summary>The texts of the messages sent to <paramref name="chatId"/>.</summary>
    public IReadOnlyList<string> TextsTo(long chatId) =>
        [.. Calls("sendMessage").Where(c => c["chat_id"]?.ToString() == chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(c => c["text"]!.GetValue<string>())];

    /// <summary>The next call of <paramref name="method"/> is refused with <paramref name="errorCode"/>, the ones after succeed again.</summary>
    public void FailOnce(string method, int errorCode, string description, int? retryAfter = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        Server.Given(Request.Create().WithPath($"/bot{Token}/{method}").UsingPost())
            .InScenario($"{method}-fails-once").WillSetStateTo("failed")
            .AtPriority(1)
            .RespondWith(Json(error).WithStatusCode(errorCode));
    }

    /// <summary>Every call of <paramref name="method"/> is refused from now on.</summary>
    public void FailAlways(string method, int errorCode, string description) =>
        Server.Given(Request.Create().WithPath($"/bot{Token}/{method}").UsingPost())
            .AtPriority(2)
            .RespondWith(Json(new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description }).WithStatusCode(errorCode));

    /// <summary>The first getUpdates answers with <paramref name="updates"/>; later ones find nothing new.</summary>
    public void QueueUpdates(params JsonObject[] updates) =>
        Server.Given(Request.Create().WithPath($"/bot{Token}/getUpdates").UsingPost())
            .InScenario("updates").WillSetStateTo("delivered")
            .AtPriority(1)
            .RespondWith(Json(Ok(new JsonArray([.. updates.Select(u => (JsonNode)u.DeepClone())]))));

    private void Answer(string method, JsonNode result) =>
        Server.Given(Request.Create().WithPath($"/bot{Token}/{method}").UsingPost())
            .AtPriority(10)
            .RespondWith(Json(Ok(result)));

    private static JsonObject SentMessage() => new()
    {
        ["message_id"] = 900,
        ["date"] = 1_796_094_000,
        ["chat"] = new JsonObject { ["id"] = 1, ["type"] = "private" },
        ["text"] = "sent",
    };

    // WireMock's own JSON bodies go through Newtonsoft, which does not know System.Text.Json's nodes.
    private static IResponseBuilder Json(JsonNode body) =>
        Response.Create().WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());

    private static JsonObject Ok(JsonNode result) => new() { ["ok"] = true, ["result"] = result };

    public void Dispose() => Server.Stop();
}
