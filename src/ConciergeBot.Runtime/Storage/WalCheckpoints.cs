using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Storage;

/// <summary>
/// Keeps the write-ahead log small without making commits wait for it. SQLite's own checkpoint runs
/// inside whichever commit crosses the log's threshold, and every turn in that group commit waits.
/// A checkpoint beside the writer does not block it, but under steady load never finishes (frames
/// keep arriving), and the log only starts again from its beginning once every frame is copied: it
/// would grow by gigabytes within minutes of heavy traffic. So both: a thread of its own copies the
/// log back continuously, and a few times a second the writer, between two group commits, copies the
/// little that is left (nothing is appended meanwhile) and lets the next commit start the log again.
/// </summary>
internal sealed partial class WalCheckpoints : IDisposable
{
    /// <summary>How often the writer finishes a checkpoint, which lets the log start again.</summary>
    private static readonly TimeSpan FinishEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>At most this long the writer waits for readers to leave the log; if one stays longer, the log starts again next time.</summary>
    private static readonly TimeSpan ReadersWait = TimeSpan.FromMilliseconds(20);

    /// <summary>Between two checkpoints in the background: pages written again and again meanwhile are copied once.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);

    /// <summary>The log file is cut back to this size whenever it starts again, after a burst made it larger.</summary>
    internal const long LogSizeLimit = 64L * 1024 * 1024;

    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _copying = new();
    private readonly ManualResetEventSlim _committed = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _finished;

    public WalCheckpoints(string connectionString, TimeProvider clock, ILogger logger)
    {
        _connectionString = connectionString;
        _clock = clock;
        _finished = clock.GetTimestamp();
        _logger = logger;
        _thread = new Thread(CopyInTheBackground) { IsBackground = true, Name = "Database checkpoints" };
        _thread.Start();
    }

    /// <summary>Called by the writer after each commit, on its own connection and thread.</summary>
    public void Committed(SqliteConnection connection)
    {
        _committed.Set();
        // Skipped while the background copy runs: the writer never waits for it, and tries again after its next commit.
        if (_clock.GetElapsedTime(_finished) < FinishEvery || !_copying.TryEnter())
        {
            return;
        }

        try
        {
            // RESTART also waits, briefly (reads are short), for the readers still looking at older
            // frames, so that the next commit starts the log from its beginning.
            Run(connection, $"PRAGMA busy_timeout={(int)ReadersWait.TotalMilliseconds};");
            try
            {
                Run(connection, "PRAGMA wal_checkpoint(RESTART);");
            }
            finally
            {
                Run(connection, $"PRAGMA busy_timeout={SqlitePragmas.BusyTimeoutMilliseconds};");
            }

            _finished = _clock.GetTimestamp();
        }
        catch (SqliteException ex)
        {
            // The commits are safe in the log; the next checkpoint copies what this one did not.
            LogCheckpointFailed(ex);
        }
        finally
        {
            _copying.Exit();
        }
    }

    private static void Run(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }

    private void CopyInTheBackground()
    {
        SqliteConnection? connection = null;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                _committed.Wait(_stop.Token);
                _committed.Reset();
                try
                {
                    connection ??= Open();
                    lock (_copying)
                    {
                        Run(connection, "PRAGMA wal_checkpoint(PASSIVE);");
                    }
                }
                catch (SqliteException ex)
                {
                    LogCheckpointFailed(ex);
                    connection?.Dispose();
                    connection = null;
                }

                _stop.Token.WaitHandle.WaitOne(Pause);
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

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
        _committed.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A checkpoint of the write-ahead log failed; the next one tries again")]
    private partial void LogCheckpointFailed(Exception exception);
}
