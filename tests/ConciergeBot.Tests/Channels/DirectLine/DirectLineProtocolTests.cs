using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using static ConciergeBot.Tests.Channels.DirectLine.DirectLineHost;

namespace ConciergeBot.Tests.Channels.DirectLine;

/// <summary>Direct Line 3.0 over real HTTP and WebSocket, as botframework-directlinejs and Web Chat 4.18 use it.</summary>
public sealed class DirectLineProtocolTests
{
    private const string Greeting = "Hi! I'm the virtual assistant of Bengkel Maju Jaya. I'm here 24/7.";

    [Fact]
    public async Task The_secret_starts_a_conversation_with_token_expiry_and_stream_url()
    {
        await using var host = new DirectLineHost();

        using var request = Request(HttpMethod.Post, "/v3/directline/conversations", Secret);
        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var id = body!["conversationId"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(body["token"]!.GetValue<string>()));
        Assert.Equal(1800, body["expires_in"]!.GetValue<int>());
        Assert.StartsWith($"ws://{host.BaseAddress.Authority}/v3/directline/conversations/{id}/stream?watermark=-&t=", body["streamUrl"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_starts_its_own_conversation_once_then_resumes_it()
    {
        await using var host = new DirectLineHost();
        using var generate = Request(HttpMethod.Post, "/v3/directline/tokens/generate", Secret);
        var generated = await (await host.Client.SendAsync(generate)).Content.ReadFromJsonAsync<JsonObject>();
        var token = generated!["token"]!.GetValue<string>();

        using var first = Request(HttpMethod.Post, "/v3/directline/conversations", token);
        using var again = Request(HttpMethod.Post, "/v3/directline/conversations", token);
        using var resume = Request(HttpMethod.Get, $"/v3/directline/conversations/{generated["conversationId"]}?watermark=3", token);

        Assert.Equal(HttpStatusCode.Created, (await host.Client.SendAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(again)).StatusCode);
        var resumed = await (await host.Client.SendAsync(resume)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(generated["conversationId"]!.GetValue<string>(), resumed!["conversationId"]!.GetValue<string>());
        Assert.NotNull(resumed["streamUrl"]);
    }

    [Fact]
    public async Task A_posted_message_is_echoed_with_server_fields_and_answered_in_reply_to_it()
    {
        await using var host = new DirectLineHost();
        var (conversation, token, _) = await host.StartAsync();

        var id = await host.PostAsync(conversation, token, Message("hello", "client-1"));
        var seen = await host.PollUntilAsync(conversation, token, s => s.Any(a => a["from"]?["role"]?.GetValue<string>() == "bot"));

        Assert.Equal($"{conversation}|0000001", id);
        var echo = seen[0];
        Assert.Equal((id, "client-1", "user", conversation, "webchat"), (
            echo["id"]!.GetValue<string>(), echo["channelData"]!["clientActivityID"]!.GetValue<string>(), echo["from"]!["role"]!.GetValue<string>(),
            echo["conversation"]!["id"]!.GetValue<string>(), echo["channelId"]!.GetValue<string>()));
        Assert.Equal(host.Clock.GetUtcNow(), echo["timestamp"]!.GetValue<DateTimeOffset>());
        var reply = seen.First(a => a["from"]?["role"]?.GetValue<string>() == "bot");
        Assert.Equal(Greeting, reply["text"]!.GetValue<string>());
        Assert.Equal(id, reply["replyToId"]!.GetValue<string>());
        Assert.NotNull(reply["timestamp"]);
    }

    [Fact]
    public async Task The_page_join_event_gets_a_greeting_and_the_menu_in_the_browser_language()
    {
        await using var host = new DirectLineHost();
        var (conversation, token, _) = await host.StartAsync();

        await host.PostAsync(conversation, token, new JsonObject
        {
            ["type"] = "event",
            ["name"] = "webchat/join",
            ["value"] = new JsonObject { ["language"] = "id-ID" },
            ["from"] = new JsonObject { ["id"] = "r_visitor1" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = "join-1" },
        });
        var seen = await host.PollUntilAsync(conversation, token, s => s.Any(a => a["suggestedActions"] is not null));

        var bot = seen.Where(a => a["from"]?["role"]?.GetValue<string>() == "bot").ToList();
        Assert.Equal("Halo! Saya asisten virtual Bengkel Maju Jaya, siap membantu 24 jam.", bot[0]["text"]!.GetValue<string>());
        Assert.Equal(["Ubah jadwal", "Laporkan masalah", "Bicara dengan petugas"],
            bot[^1]["suggestedActions"]!["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
        Assert.All(bot[^1]["suggestedActions"]!["actions"]!.AsArray(), a => Assert.Equal("imBack", a!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_token_never_reaches_another_conversation()
    {
        await using var host = new DirectLineHost();
        var (mine, myToken, _) = await host.StartAsync();
        var (theirs, _, _) = await host.StartAsync();

        using var read = Request(HttpMethod.Get, $"/v3/directline/conversations/{theirs}/activities?watermark=", myToken);
        using var post = Request(HttpMethod.Post, $"/v3/directline/conversations/{theirs}/activities", myToken, Message("hi", "x"));
        using var resume = Request(HttpMethod.Get, $"/v3/directline/conversations/{theirs}", myToken);
        using var anonymous = Request(HttpMethod.Get, $"/v3/directline/conversations/{mine}/activities?watermark=", null);
        using var forged = Request(HttpMethod.Get, $"/v3/directline/conversations/{mine}/activities?watermark=", myToken[..^2] + "xx");

        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(read)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(post)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(resume)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(anonymous)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(forged)).StatusCode);
        using var stream = new ClientWebSocket();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => stream.ConnectAsync(
            new Uri($"ws://{host.BaseAddress.Authority}/v3/directline/conversations/{theirs}/stream?t={Uri.EscapeDataString(myToken)}"), CancellationToken.None));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_expire_and_a_refreshed_token_goes_on()
    {
        await using var host = new DirectLineHost();
        var (conversation, token, _) = await host.StartAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        using var refresh = Request(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        var refreshed = (await (await host.Client.SendAsync(refresh)).Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();

        host.Clock.Advance(TimeSpan.FromMinutes(15));

        using var old = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities?watermark=", token);
        using var fresh = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities?watermark=", refreshed);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task The_watermark_returns_only_what_came_after_it()
    {
        await using var host = new DirectLineHost();
        var (conversation, token, _) = await host.StartAsync();
        await host.PostAsync(conversation, token, Message("hello", "c1"));
        await host.PollUntilAsync(conversation, token, s => s.Count(a => a["from"]?["role"]?.GetValue<string>() == "bot") >= 2);

        using var after = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities?watermark=2", token);
        var set = await (await host.Client.SendAsync(after)).Content.ReadFromJsonAsync<JsonObject>();

        var ids = set!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        Assert.Equal($"{conversation}|0000003", ids[0]);
        Assert.Equal(ids.Count + 2, int.Parse(set["watermark"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_resent_activity_keeps_its_first_id_and_is_answered_once()
    {
        await using var host = new DirectLineHost();
        var (conversation, token, _) = await host.StartAsync();

        var first = await host.PostAsync(conversation, token, Message("hello", "same-client-id"));
        var second = await host.PostAsync(conversation, token, Message("hello", "same-client-id"));
        var seen = await host.PollUntilAsync(conversation, token, s => s.Any(a => a["suggestedActions"] is not null));

        Assert.Equal(first, second);
        Assert.Single(seen, a => a["from"]?["role"]?.GetValue<string>() == "user");
        Assert.Single(seen, a => a["text"]?.GetValue<string>() == Greeting);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_4xx()
    {
        await using var host = new DirectLineHost();
        var (conversation, token, _) = await host.StartAsync();

        using var malformed = Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token);
        malformed.Content = new StringContent("{\"type\": \"message\", \"text\": ", Encoding.UTF8, "application/json");
        using var gone = Request(HttpMethod.Get, "/v3/directline/conversations/0123456789abcdef01234567/activities?watermark=", Secret);
        using var noSecret = Request(HttpMethod.Post, "/v3/directline/tokens/generate", token);

        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.SendAsync(malformed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(gone)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(noSecret)).StatusCode);
    }

    [Fact]
    public async Task The_stream_replays_from_the_watermark_then_pushes_typing_and_replies()
    {
        await using var host = new DirectLineHost();
        var (conversation, token, streamUrl) = await host.StartAsync();
        await host.PostAsync(conversation, token, Message("hello", "c1"));
        await host.PollUntilAsync(conversation, token, s => s.Any(a => a["suggestedActions"] is not null));

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl.Replace("watermark=-", "watermark=1", StringComparison.Ordinal)), CancellationToken.None);
        var replay = await ReceiveActivitiesAsync(socket);
        Assert.Equal($"{conversation}|0000002", replay[0]["id"]!.GetValue<string>());

        await host.PostAsync(conversation, token, Message("talk to a person", "c2"));
        var pushed = new List<JsonObject>();
        while (!pushed.Any(a => a["from"]?["role"]?.GetValue<string>() == "bot" && a["type"]!.GetValue<string>() == "message"))
        {
            pushed.AddRange(await ReceiveActivitiesAsync(socket));
        }

        Assert.Contains(pushed, a => a["channelData"]?["clientActivityID"]?.GetValue<string>() == "c2");
        Assert.Contains(pushed, a => a["type"]!.GetValue<string>() == "typing");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task An_uploaded_photo_is_echoed_with_a_url_that_serves_it()
    {
        await using var host = new DirectLineHost();
        var (conversation, token, _) = await host.StartAsync();
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4 };
        using var form = new MultipartFormDataContent();
        var activity = new StringContent(Message("here is the scratch", "c-up").ToJsonString(), Encoding.UTF8, "application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        form.Add(new ByteArrayContent(photo), "file", "scratch.jpg");
        using var upload = Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/upload?userId=r_visitor1", token);
        upload.Content = form;

        var uploaded = await host.Client.SendAsync(upload);
        var seen = await host.PollUntilAsync(conversation, token, s => s.Count > 0);

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var attachment = seen[0]["attachments"]![0]!;
        Assert.Equal("image/jpeg", attachment["contentType"]!.GetValue<string>());
        Assert.Equal(photo, await host.Client.GetByteArrayAsync(attachment["contentUrl"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_postback_reaches_the_dialog_as_the_choice_it_stands_for()
    {
        await using var host = new DirectLineHost();
        var (conversation, token, _) = await host.StartAsync();
        await host.PostAsync(conversation, token, Message("hello", "c1"));
        await host.PollUntilAsync(conversation, token, s => s.Any(a => a["suggestedActions"] is not null));

        await host.PostAsync(conversation, token, new JsonObject
        {
            ["type"] = "message",
            ["value"] = new JsonObject { ["choice"] = "Talk to a person" },
            ["channelData"] = new JsonObject { ["postBack"] = true, ["clientActivityID"] = "c2" },
            ["from"] = new JsonObject { ["id"] = "r_visitor1" },
        });
        var seen = await host.PollUntilAsync(conversation, token, s => s.Any(a => a["text"]?.GetValue<string>()?.Contains("passed your conversation", StringComparison.Ordinal) == true));

        Assert.Contains(seen, a => a["text"]?.GetValue<string>()?.StartsWith("Of course.", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Cors_allows_what_web_chat_sends_from_a_configured_site_only()
    {
        await using var host = new DirectLineHost();

        var allowed = await PreflightAsync(host, AllowedOrigin);
        var other = await PreflightAsync(host, "https://evil.example.org");

        Assert.Equal(AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var headers = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers, StringComparison.Ordinal);
        Assert.Contains("x-ms-bot-agent", headers, StringComparison.Ordinal);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task<HttpResponseMessage> PreflightAsync(DirectLineHost host, string origin)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        return await host.Client.SendAsync(preflight);
    }
}
