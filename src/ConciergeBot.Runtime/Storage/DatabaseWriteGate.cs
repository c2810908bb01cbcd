namespace ConciergeBot.Storage;

/// <summary>
/// SQLite allows one writer at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping
/// 150 ms before retrying. Queueing this process's write transactions here instead keeps commits
/// short and latency flat. Reads never wait here. A server database gets a gate that never waits.
/// </summary>
public sealed class DatabaseWriteGate(bool serializeWriters)
{
    private readonly SemaphoreSlim? _writer = serializeWriters ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            await _writer.WaitAsync(cancellationToken);
        }

        return new Releaser(_writer);
    }

    public readonly struct Releaser(SemaphoreSlim? writer) : IDisposable
    {
        public void Dispose() => writer?.Release();
    }
}
