using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConciergeBot.Tests.Channels.DirectLine;

/// <summary>The real host listening on a real port (Kestrel), on a temporary database and a fake clock.</summary>
public sealed class DirectLineHost : IAsyncDisposable
{
    public const string Secret = "test-direct-line-secret-0123456789";
    public const string AllowedOrigin = "https://shop.example.com";

    private readonly TempFolder _folder = new();
    private readonly WebApplicationFactory<Program> _factory;

    /// <param name="settings">Host settings on top of the test's own (e.g. an admin key).</param>
    public DirectLineHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Concierge", $"Data Source={_folder.File("directline.db")}")
                .UseSetting("DirectLine:Secret", Secret)
                .UseSetting("DirectLine:AllowedOrigins:0", AllowedOrigin)
                .UseSetting("DirectLine:UploadsPath", _folder.File("uploads"))
                .UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0")
                .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                web.UseSetting(key, value);
            }
        });
        // A port of the system's choosing (UseKestrel(0) on a derived factory still binds 5000).
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    /// <summary>Tuesday 1 December 2026, 09:00 in Jakarta.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7)));

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public IServiceProvider Services => _factory.Services;

    /// <summary>A conversation started the way our page does: a token from <c>/webchat/token</c>, then <c>POST /conversations</c>.</summary>
    public async Task<(string ConversationId, string Token, string StreamUrl)> StartAsync()
    {
        var issued = await (await Client.PostAsync("/webchat/token", null)).Content.ReadFromJsonAsync<JsonObject>();
        var token = issued!["token"]!.GetValue<string>();
        using var start = Request(HttpMethod.Post, "/v3/directline/conversations", token, new JsonObject { ["user"] = new JsonObject { ["id"] = "r_visitor1" } });
        var started = await (await Client.SendAsync(start)).Content.ReadFromJsonAsync<JsonObject>();
        return (started!["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>(), started["streamUrl"]!.GetValue<string>());
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? credential, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    /// <summary>What Web Chat posts for a typed message.</summary>
    public static JsonObject Message(string text, string clientActivityId) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["textFormat"] = "plain",
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
        ["channelId"] = "webchat",
        ["from"] = new JsonObject { ["id"] = "r_visitor1", ["role"] = "user" },
        ["locale"] = "en-US",
    };

    public async Task<string> PostAsync(string conversationId, string token, JsonNode activity)
    {
        using var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, activity);
        var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>Polls as Web Chat does until <paramref name="until"/> holds for the activities seen so far.</summary>
    public async Task<List<JsonObject>> PollUntilAsync(string conversationId, string token, Func<List<JsonObject>, bool> until)
    {
        var seen = new List<JsonObject>();
        var watermark = "";
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);
            var set = await (await Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>();
            seen.AddRange(set!["activities"]!.AsArray().Select(a => a!.AsObject()));
            watermark = set["watermark"]!.GetValue<string>();
            if (until(seen))
            {
                return seen;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Seen so far: {string.Join(Environment.NewLine, seen.Select(a => a.ToJsonString()))}");
    }

    /// <summary>The next ActivitySet frame's activities, skipping keep-alives.</summary>
    public static async Task<List<JsonObject>> ReceiveActivitiesAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                frame.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (frame.Length > 0)
            {
                return [.. JsonNode.Parse(frame.ToArray())!["activities"]!.AsArray().Select(a => a!.AsObject())];
            }
        }
    }

    public async Task<T> QueryAsync<T>(Func<ConciergeDb, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ConciergeDb>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>A message nobody's turn produced (a reminder, an agent's reply) queued for the conversation, as the host's own jobs queue them.</summary>
    public async Task EnqueueAsync(string conversationId, Activity message)
    {
        await Services.GetRequiredService<DatabaseWriter>().WriteAsync(
            (connection, transaction) => ProactiveMessages.Enqueue(connection, transaction, conversationId, message, "id", Clock.GetUtcNow()), CancellationToken.None);
        Services.GetRequiredService<OutboxDispatcher>().Wake();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        _folder.Dispose();
    }
}
