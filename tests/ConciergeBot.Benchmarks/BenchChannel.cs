using System.Globalization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Benchmarks;

/// <summary>A channel that accepts every message at once, as a fast channel API would, and counts them.</summary>
internal sealed class BenchChannel : IChannelAdapter
{
    public const string Id = "bench";

    private long _sent;

    public string ChannelId => Id;

    public long Sent => Interlocked.Read(ref _sent);

    public Task<DeliveryResult> SendAsync(OutboundActivity outbound, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
        return Task.FromResult(DeliveryResult.Delivered(outbound.OutboxId.ToString(CultureInfo.InvariantCulture)));
    }
}
