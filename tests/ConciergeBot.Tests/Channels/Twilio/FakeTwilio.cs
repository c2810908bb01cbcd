using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Tests.Channels.Twilio;

/// <summary>
/// Twilio's REST API on a local port: records every message the bot sends (form fields and
/// credentials), answers as Twilio does or as a test scripts it, and serves customers' media only to
/// callers with the account's credentials.
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "fake-twilio-auth-token";

    private readonly WebApplication _app;
    private int _next;

    public FakeTwilio()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (string account, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var sent = new SentMessage(account, http.Request.Headers.Authorization.ToString(), form.ToDictionary(f => f.Key, f => f.Value.ToArray()));
            Attempts.Enqueue(sent);
            if (Respond?.Invoke(sent) is { } scripted)
            {
                return scripted;
            }

            Sent.Enqueue(sent);
            var sid = $"SM{Interlocked.Increment(ref _next):D32}";
            return Results.Json(new { sid, status = "queued", error_code = (int?)null }, statusCode: StatusCodes.Status201Created);
        });
        _app.MapGet("/media/{name}", (string name, HttpContext http) =>
            http.Request.Headers.Authorization.ToString() == BasicAuth
                ? Results.Bytes(Encoding.UTF8.GetBytes($"photo {name}"), "image/jpeg")
                : Results.Unauthorized());
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public static string BasicAuth => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));

    public string BaseUrl { get; }

    /// <summary>Every call, answered or refused.</summary>
    public ConcurrentQueue<SentMessage> Attempts { get; } = new();

    /// <summary>The messages Twilio accepted.</summary>
    public ConcurrentQueue<SentMessage> Sent { get; } = new();

    /// <summary>A scripted answer instead of Twilio's 201 (null: accept).</summary>
    public Func<SentMessage, IResult?>? Respond { get; set; }

    public async Task<SentMessage> NextAsync(Func<SentMessage, bool>? matching = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (Sent.FirstOrDefault(m => !m.Taken && (matching is null || matching(m))) is { } found)
            {
                found.Taken = true;
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No such message; sent so far:{Environment.NewLine}{string.Join(Environment.NewLine, Sent.Select(m => m.Body))}");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed record SentMessage(string Account, string Authorization, Dictionary<string, string?[]> Form)
    {
        public bool Taken { get; set; }

        public string? Body => Field("Body");

        public string? Field(string name) => Form.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
    }
}
