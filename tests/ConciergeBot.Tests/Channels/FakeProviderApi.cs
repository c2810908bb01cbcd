using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Tests.Channels;

/// <summary>One message the bot sent to a fake provider; taken once a test has looked at it.</summary>
public abstract record RecordedMessage
{
    public bool Taken { get; set; }

    /// <summary>How the message shows in a failed test's output.</summary>
    public abstract string Describe();
}

/// <summary>
/// A messaging provider's API on a local port: the derived fake maps its routes on <see cref="App"/>
/// and calls <see cref="Start"/>; every message the bot sends is recorded, answered as the provider
/// does or as a test scripts it.
/// </summary>
public abstract class FakeProviderApi<TMessage> : IAsyncDisposable where TMessage : RecordedMessage
{
    protected FakeProviderApi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        App = builder.Build();
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every message call, answered or refused.</summary>
    public ConcurrentQueue<TMessage> Attempts { get; } = new();

    /// <summary>The messages the provider accepted.</summary>
    public ConcurrentQueue<TMessage> Sent { get; } = new();

    /// <summary>A scripted answer instead of the provider's acceptance (null: accept).</summary>
    public Func<TMessage, IResult?>? Respond { get; set; }

    protected WebApplication App { get; }

    public async Task<TMessage> NextAsync(Func<TMessage, bool>? matching = null)
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

        throw new TimeoutException($"No such message; sent so far:{Environment.NewLine}{string.Join(Environment.NewLine, Sent.Select(m => m.Describe()))}");
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    protected void Start()
    {
        App.StartAsync().GetAwaiter().GetResult();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <returns>The test's scripted answer, or null when the provider accepts the message.</returns>
    protected IResult? Record(TMessage message)
    {
        Attempts.Enqueue(message);
        if (Respond?.Invoke(message) is { } scripted)
        {
            return scripted;
        }

        Sent.Enqueue(message);
        return null;
    }
}
