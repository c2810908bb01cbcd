using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConciergeBot.Tests.Channels.WhatsAppCloud;

/// <summary>
/// Meta's Graph API for WhatsApp on a local port: records every message the bot sends (path, token,
/// JSON), answers as Meta does or as a test scripts it, and serves customers' media (its URL, then
/// the file) only to callers with the access token.
/// </summary>
public sealed class FakeMetaGraph : FakeProviderApi<FakeMetaGraph.SentMessage>
{
    public const string AccessToken = "fake-meta-access-token";
    public const string PhoneNumberId = "109876543210987";
    public const string Version = "v21.0";

    private int _next;

    public FakeMetaGraph()
    {
        App.MapPost("/{version}/{phoneNumberId}/messages", async (string version, string phoneNumberId, HttpContext http) =>
        {
            var json = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
            var sent = new SentMessage(version, phoneNumberId, http.Request.Headers.Authorization.ToString(), json);
            if (Record(sent) is { } scripted)
            {
                return scripted;
            }

            var id = $"wamid.OUT{Interlocked.Increment(ref _next):D20}";
            return Results.Json(new
            {
                messaging_product = "whatsapp",
                contacts = new[] { new { input = sent.To, wa_id = sent.To } },
                messages = new[] { new { id } },
            });
        });
        App.MapGet("/{version}/{mediaId}", (string version, string mediaId, HttpContext http) => Authorized(http)
            ? Results.Json(new { messaging_product = "whatsapp", url = $"{BaseUrl}/lookaside/{mediaId}", mime_type = "image/jpeg", file_size = 11, id = mediaId })
            : Unauthorized());
        App.MapGet("/lookaside/{mediaId}", (string mediaId, HttpContext http) => Authorized(http)
            ? Results.Bytes(Encoding.UTF8.GetBytes($"photo {mediaId}"), "image/jpeg")
            : Unauthorized());
        Start();
    }

    /// <summary>Meta's error envelope, e.g. <c>Error(429, 130429, "Rate limit hit")</c>.</summary>
    public static IResult Error(int status, int code, string message) =>
        Results.Json(new { error = new { message, type = "OAuthException", code, fbtrace_id = "Afake" } }, statusCode: status);

    private static bool Authorized(HttpContext http) => http.Request.Headers.Authorization.ToString() == $"Bearer {AccessToken}";

    private static IResult Unauthorized() => Error(401, 190, "Invalid OAuth access token.");

    public sealed record SentMessage(string Version, string PhoneNumberId, string Authorization, JsonObject Json) : RecordedMessage
    {
        public string? To => Json["to"]?.GetValue<string>();

        public string? Type => Json["type"]?.GetValue<string>();

        /// <summary>The text a customer reads first: a text message's body or an interactive message's body.</summary>
        public string? Body => Json["text"]?["body"]?.GetValue<string>() ?? Json["interactive"]?["body"]?["text"]?.GetValue<string>();

        public string? Interactive => Json["interactive"]?["type"]?.GetValue<string>();

        /// <summary>The (id, title) of each reply button or list row.</summary>
        public IReadOnlyList<(string Id, string Title)> Choices =>
            [.. (Json["interactive"]?["action"]?["buttons"]?.AsArray().Select(b => b!["reply"]!) ?? Json["interactive"]?["action"]?["sections"]?[0]?["rows"]?.AsArray().Select(r => r!) ?? [])
                .Select(c => (c!["id"]!.GetValue<string>(), c["title"]!.GetValue<string>()))];

        public override string Describe() => Json.ToJsonString();
    }
}
