using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Storage;

/// <summary>
/// Keeps the write-ahead log small without making commits wait for it. SQLite's own checkpoint runs
/// inside whichever commit crosses the log's threshold, and every turn in that group commit waits.
/// A checkpoint beside the writer does not block it, but under steady load never finishes (frames
/// keep arriving), and the log only starts again from its beginning once every frame is copied: it
/// would grow by gigabytes within minutes of heavy traffic. So, once a second: a thread of its
/// own copies the log back into the database, then the writer, between two group commits, copies the
/// little that arrived meanwhile (nothing is appended while it does) and lets the next commit start
/// the log again. Copying seldom matters too: a page changed a hundred times in between is written
/// (and synced to disk) once.
/// </summary>
internal sealed partial class WalCheckpoints : IDisposable
{
    /// <summary>How often the log starts again.</summary>
    private static readonly TimeSpan Cycle = TimeSpan.FromSeconds(1);

    /// <summary>How long before the writer's turn the background copy starts: about what it takes under load.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(50);

    /// <summary>A background copy this short leaves the writer next to nothing to copy.</summary>
    private static readonly TimeSpan ShortPass = TimeSpan.FromMilliseconds(3);

    private const int MaxPasses = 4;

    /// <summary>How long one try waits for readers to leave the older frames.</summary>
    private static readonly TimeSpan ReadersWait = TimeSpan.FromMilliseconds(2);

    /// <summary>Readers kept the log from starting again all this time: let it grow until the next cycle rather than try after every commit.</summary>
    private static readonly TimeSpan GiveUpAfter = 3 * Cycle;

    /// <summary>The log file is cut back to this size whenever it starts again, after a burst made it larger.</summary>
    internal const long LogSizeLimit = 256L * 1024 * 1024;

    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _copying = new();
    private readonly ManualResetEventSlim _committed = new();
    private readonly ManualResetEventSlim _writerFinished = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _finished;
    private volatile bool _copied;

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

        // Once the background copy is done, or late without it; never while it runs: the writer does not wait for it.
        var since = _clock.GetElapsedTime(Volatile.Read(ref _finished));
        if (since < Cycle || (!_copied && since < 2 * Cycle) || !_copying.TryEnter())
        {
            return;
        }

        var done = false;
        try
        {
            // RESTART copies what is left and sees to it that the next commit starts the log again, unless a
            // reader is still looking at older frames. For those it waits only a moment (SQLite's busy
            // handler sleeps whole milliseconds, and under load some reader is always about): the writer
            // tries again after its next commit, when only that commit's frames are left to copy.
            Run(connection, $"PRAGMA busy_timeout={(int)ReadersWait.TotalMilliseconds};");
            try
            {
                done = Restarted(connection) || since > GiveUpAfter;
            }
            finally
            {
                Run(connection, $"PRAGMA busy_timeout={SqlitePragmas.BusyTimeoutMilliseconds};");
            }
        }
        catch (SqliteException ex)
        {
            // The commits are safe in the log; the next cycle copies what this one did not.
            LogCheckpointFailed(ex);
            done = true;
        }
        finally
        {
            if (done)
            {
                _copied = false;
                Volatile.Write(ref _finished, _clock.GetTimestamp());
                _writerFinished.Set();
            }

            _copying.Exit();
        }
    }

    private static bool Restarted(SqliteConnection connection)
    {
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(RESTART);";
        using var result = checkpoint.ExecuteReader();
        // One row: whether it was blocked, the log's frames, the frames copied.
        return result.Read() && result.GetInt64(0) == 0;
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
            while (true)
            {
                // Nothing to copy until something was committed; then wait for the cycle's copy time.
                _committed.Wait(_stop.Token);
                _committed.Reset();
                var due = Cycle - Lead - _clock.GetElapsedTime(Volatile.Read(ref _finished));
                if (due > TimeSpan.Zero)
                {
                    Task.Delay(due, _clock).Wait(_stop.Token);
                }

                try
                {
                    connection ??= Open();
                    // Each pass copies what arrived during the one before, so they get shorter; the writer
                    // then waits only for the last one's worth (and its sync to disk).
                    for (var pass = 0; pass < MaxPasses; pass++)
                    {
                        var started = _clock.GetTimestamp();
                        lock (_copying)
                        {
                            Run(connection, "PRAGMA wal_checkpoint(PASSIVE);");
                        }

                        if (_clock.GetElapsedTime(started) < ShortPass)
                        {
                            break;
                        }
                    }

                    _writerFinished.Reset();
                    _copied = true;
                }
                catch (SqliteException ex)
                {
                    LogCheckpointFailed(ex);
                    connection?.Dispose();
                    connection = null;
                    // A database that cannot be copied now (disk full, say) is not tried again after every commit.
                    _stop.Token.WaitHandle.WaitOne(Cycle);
                }

                // Until the writer has finished this cycle, there is nothing to copy ahead of it.
                if (_copied)
                {
                    _writerFinished.Wait(_stop.Token);
                }
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
        _writerFinished.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A checkpoint of the write-ahead log failed; the next one tries again")]
    private partial void LogCheckpointFailed(Exception exception);
}
