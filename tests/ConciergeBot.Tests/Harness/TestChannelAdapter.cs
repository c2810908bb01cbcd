using System.Collections.Concurrent;
using System.Threading.Channels;
using ConciergeBot.Activities;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Tests.Harness;

/// <summary>A channel for tests: records every delivery attempt and can be told to fail some.</summary>
public sealed class TestChannelAdapter : IChannelAdapter
{
    public const string Id = "test";

    private readonly ConcurrentDictionary<string, Channel<Activity>> _delivered = new();

    public string ChannelId => Id;

    /// <summary>Decides the outcome of an attempt; null means delivered.</summary>
    public Func<OutboundActivity, DeliveryResult?>? Fault { get; set; }

    public ConcurrentQueue<OutboundActivity> Attempts { get; } = new();

    public Task<DeliveryResult> SendAsync(OutboundActivity outbound, CancellationToken cancellationToken)
    {
        Attempts.Enqueue(outbound);
        if (Fault?.Invoke(outbound) is { } fault)
        {
            return Task.FromResult(fault);
        }

        Replies(outbound.Activity.Conversation!.Id).Writer.TryWrite(outbound.Activity);
        return Task.FromResult(DeliveryResult.Delivered($"test-{outbound.OutboxId}"));
    }

    public Channel<Activity> Replies(string channelConversationId) =>
        _delivered.GetOrAdd(channelConversationId, _ => Channel.CreateUnbounded<Activity>());

    public async Task<Activity> NextReplyAsync(string channelConversationId, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await Replies(channelConversationId).Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No reply arrived in conversation '{channelConversationId}'.");
        }
    }

    /// <summary>True when nothing more arrives within <paramref name="wait"/>.</summary>
    public async Task<Activity?> ReplyWithinAsync(string channelConversationId, TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            return await Replies(channelConversationId).Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
