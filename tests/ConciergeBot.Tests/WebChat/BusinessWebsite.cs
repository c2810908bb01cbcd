using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConciergeBot.Tests.WebChat;

/// <summary>
/// A business's own website with the embed snippet, on another loopback port than the bot. It is a real
/// server because Chromium refuses a page it cannot place on the network (a routed one counts as public)
/// loading scripts from loopback. Answers as <see cref="AllowedOrigin"/> and as <see cref="OtherOrigin"/>:
/// two origins, only the first of which the bot lets frame its page.
/// </summary>
public sealed class BusinessWebsite : IDisposable
{
    private readonly HttpListener _listener = new();

    public BusinessWebsite()
    {
        var port = FreePort();
        AllowedOrigin = $"http://127.0.0.1:{port}";
        OtherOrigin = $"http://localhost:{port}";
        _listener.Prefixes.Add(AllowedOrigin + "/");
        _listener.Prefixes.Add(OtherOrigin + "/");
        _listener.Start();
        _ = ServeAsync();
    }

    public string AllowedOrigin { get; }

    public string OtherOrigin { get; }

    /// <summary>Where the pages' snippet loads <c>/embed.js</c> from; set once the bot is listening.</summary>
    public Uri? Bot { get; set; }

    public void Dispose() => _listener.Close();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var html = $"""
                <!DOCTYPE html>
                <html lang="en"><head><title>Shop</title></head>
                <body><h1>Welcome to the shop</h1><script src="{new Uri(Bot!, "/embed.js")}" async></script></body></html>
                """;
            var body = Encoding.UTF8.GetBytes(html);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
