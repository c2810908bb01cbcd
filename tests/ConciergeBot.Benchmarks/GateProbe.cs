using System.Diagnostics;
using ConciergeBot.Storage;

namespace ConciergeBot.Benchmarks;

/// <summary>
/// Every few milliseconds, enters the <see cref="DatabaseWriteGate"/> that serialises the process's
/// SQLite writes and leaves at once: how long it waits is the queue every write stands in.
/// </summary>
internal sealed class GateProbe : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _waits = [];
    private readonly Task _loop;

    public GateProbe(DatabaseWriteGate gate)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                using (await gate.EnterAsync(CancellationToken.None))
                {
                    _waits.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

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
