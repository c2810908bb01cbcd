using System.Diagnostics;
using ConciergeBot.Storage;

namespace ConciergeBot.Benchmarks;

/// <summary>
/// Every few milliseconds, hands the <see cref="DatabaseWriter"/> an empty write: how long it takes
/// to come back committed is what every write waits for its group commit.
/// </summary>
internal sealed class GateProbe : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _waits = [];
    private readonly Task _loop;

    public GateProbe(DatabaseWriter writer)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                await writer.WriteAsync((_, _) => true, CancellationToken.None);
                _waits.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

                await Task.Delay(Interval, CancellationToken.None);
            }
        });
    }

    public async Task<LatencyStats?> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return LatencyStats.From(_waits);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_loop.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
