using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Tests.Events;

public sealed record ReceivedWebhook(Dictionary<string, string> Headers, byte[] Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Id => Json.GetProperty("id").GetString()!;
}

public sealed record WebhookReply(int Status, string? Body = null, string? RetryAfter = null);

/// <summary>The business's system as a webhook sees it: a local HTTP endpoint that keeps what arrives and answers as the test says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The answer to the n-th request (from 1); 200 unless the test says otherwise.</summary>
    public Func<int, WebhookReply> Reply { get; set; } = _ => new WebhookReply(200);

    /// <summary>How long each answer takes, as a real receiver's work would.</summary>
    public TimeSpan Delay { get; set; }

    public string Url => _app.Urls.Single() + "/hooks/concierge";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.Run(receiver.HandleAsync);
        await receiver._app.StartAsync();
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Received.Enqueue(new ReceivedWebhook(headers, body.ToArray()));
        var reply = Reply(Interlocked.Increment(ref _requests));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        if (reply.Body is not null)
        {
            await context.Response.WriteAsync(reply.Body);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
