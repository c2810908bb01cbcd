using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Storage;

/// <summary>
/// Copies the write-ahead log back into the database file on a connection of its own, shortly after
/// commits. Left to SQLite, the copy and its two fsyncs run inside whichever commit crosses the log's
/// threshold, and the whole group commit (every turn in it) waits for them: the slowest replies under
/// load. PASSIVE never waits for readers or the writer; frames a reader still needs are copied next time.
/// </summary>
internal sealed partial class WalCheckpoints : IAsyncDisposable
{
    /// <summary>Between checkpoints: long enough that pages written again and again are copied once, short enough to keep the log small.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    private readonly Channel<bool> _due = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public WalCheckpoints(string connectionString, ILogger logger)
    {
        _connectionString = connectionString;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The writer committed: the log has grown.</summary>
    public void Committed() => _due.Writer.TryWrite(true);

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        try
        {
            while (await _due.Reader.WaitToReadAsync(_stop.Token))
            {
                _due.Reader.TryRead(out _);
                try
                {
                    connection ??= Open();
                    using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    checkpoint.ExecuteNonQuery();
                }
                catch (Exception ex) when (!_stop.IsCancellationRequested)
                {
                    LogCheckpointFailed(ex);
                    connection?.Dispose();
                    connection = null;
                }

                await Task.Delay(Pause, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        _due.Writer.TryComplete();
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A checkpoint of the write-ahead log failed; the next commit tries again")]
    private partial void LogCheckpointFailed(Exception exception);
}
