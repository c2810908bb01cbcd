using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Storage;

/// <summary>
/// The one writer of an embedded SQLite database, with group commit. SQLite allows one writer at a
/// time; instead of each caller opening its own transaction and queueing for the lock, callers
/// hand their write to this queue, and one connection runs everything that is waiting in a single
/// transaction: one commit for many turns. Each write runs inside its own savepoint, so one that
/// fails (a version conflict, a constraint) is undone alone and the others still commit. A write
/// returns only after the commit that contains it. Between commits the log is copied into the
/// database file by <see cref="WalCheckpoints"/>.
/// </summary>
public sealed partial class DatabaseWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;

    /// <summary>
    /// The writer's page cache. Its commits touch a leaf of every index keyed by conversation for each
    /// turn; with SQLite's default (2 MB) those pages keep falling out and are read back from the file.
    /// </summary>
    private const int CacheKibibytes = 64 * 1024;

    private const string Savepoint = "SAVEPOINT w";
    private const string Release = "RELEASE w";
    private const string RollbackTo = "ROLLBACK TO w";

    private readonly Channel<IWrite> _queue = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly ILogger<DatabaseWriter> _logger;
    private readonly WalCheckpoints _checkpoints;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DatabaseWriter(string connectionString, ILogger<DatabaseWriter> logger, TimeProvider clock)
    {
        _connectionString = connectionString;
        _logger = logger;
        _checkpoints = new WalCheckpoints(connectionString, clock, logger);
        // A thread of its own, not the thread pool: every turn waits for this loop at least twice, and
        // under load a pool continuation queues behind hundreds of other work items while a sleeping
        // thread is woken by the operating system as soon as a write arrives.
        _thread = new Thread(Run) { IsBackground = true, Name = "Database writer" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="write"/> in the next group commit and returns its result once committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        var item = new Write<T>(write, cancellationToken);
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(DatabaseWriter));
        }

        return item.Result;
    }

    private void Run()
    {
        var batch = new List<IWrite>(MaxBatch);
        SqliteConnection? connection = null;
        try
        {
            while (WaitForWrites())
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    if (!item.IsCancelled)
                    {
                        batch.Add(item);
                    }
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                try
                {
                    connection ??= Open();
                    Commit(connection, batch);
                    _checkpoints.Committed(connection);
                }
                catch (Exception ex)
                {
                    // The whole batch is lost (disk full, database gone): every caller hears of it and may retry.
                    LogBatchFailed(ex, batch.Count);
                    foreach (var item in batch)
                    {
                        item.Fail(ex);
                    }

                    connection?.Dispose();
                    connection = null;
                }

                batch.Clear();
            }
        }
        finally
        {
            connection?.Dispose();
            _stopped.TrySetResult();
        }
    }

    /// <summary>Blocks this thread until a write is waiting; false once the queue is closed and empty.</summary>
    private bool WaitForWrites()
    {
        var waiting = _queue.Reader.WaitToReadAsync();
        return waiting.IsCompleted ? waiting.Result : waiting.AsTask().GetAwaiter().GetResult();
    }

    private static void Commit(SqliteConnection connection, List<IWrite> batch)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var done = new List<IWrite>(batch.Count);
        List<(IWrite Item, Exception Error)>? failed = null;
        foreach (var item in batch)
        {
            Execute(connection, transaction, Savepoint);
            try
            {
                item.Run(connection, transaction);
                Execute(connection, transaction, Release);
                done.Add(item);
            }
            catch (Exception ex)
            {
                Execute(connection, transaction, RollbackTo);
                Execute(connection, transaction, Release);
                (failed ??= []).Add((item, ex));
            }
        }

        transaction.Commit();
        foreach (var item in done)
        {
            item.Complete();
        }

        // Told only now, so a caller that reads again (a conflict, a slot taken) sees what the others committed.
        foreach (var (item, error) in failed ?? [])
        {
            item.Fail(error);
        }
    }

    // Kept commands rather than transaction.Save, Release and Rollback(name), which compile their statement
    // anew each time: at least two compiles for every write, on the one thread every write waits for.
    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string savepoint) =>
        Sql.Kept(connection, transaction, savepoint).ExecuteNonQuery();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // The log is copied back by _checkpoints between commits, never inside one.
        pragmas.CommandText = SqlitePragmas.Text + $" PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit={WalCheckpoints.LogSizeLimit}; PRAGMA cache_size=-{CacheKibibytes};";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopped.Task;
        _checkpoints.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A group commit of {Count} write(s) failed")]
    private partial void LogBatchFailed(Exception exception, int count);

    private interface IWrite
    {
        bool IsCancelled { get; }

        void Run(SqliteConnection connection, SqliteTransaction transaction);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class Write<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken) : IWrite
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _result.Task;

        public bool IsCancelled
        {
            get
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                _result.TrySetCanceled(cancellationToken);
                return true;
            }
        }

        public void Run(SqliteConnection connection, SqliteTransaction transaction) => _value = write(connection, transaction);

        public void Complete() => _result.TrySetResult(_value!);

        public void Fail(Exception exception) => _result.TrySetException(exception);
    }
}
