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
/// returns only after the commit that contains it. The log is copied into the database file by
/// <see cref="WalCheckpoints"/>, outside the commits.
/// </summary>
public sealed partial class DatabaseWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;

    private readonly Channel<IWrite> _queue = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly ILogger<DatabaseWriter> _logger;
    private readonly WalCheckpoints _checkpoints;
    private readonly Task _loop;

    public DatabaseWriter(string connectionString, ILogger<DatabaseWriter> logger)
    {
        _connectionString = connectionString;
        _logger = logger;
        _checkpoints = new WalCheckpoints(connectionString, logger);
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
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

    private async Task RunAsync()
    {
        var batch = new List<IWrite>(MaxBatch);
        SqliteConnection? connection = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync())
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
                    _checkpoints.Committed();
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
        }
    }

    private static void Commit(SqliteConnection connection, List<IWrite> batch)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var done = new List<IWrite>(batch.Count);
        foreach (var item in batch)
        {
            transaction.Save("w");
            try
            {
                item.Run(connection, transaction);
                transaction.Release("w");
                done.Add(item);
            }
            catch (Exception ex)
            {
                transaction.Rollback("w");
                transaction.Release("w");
                item.Fail(ex);
            }
        }

        transaction.Commit();
        foreach (var item in done)
        {
            item.Complete();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // The log is copied back by _checkpoints, never inside one of these commits.
        pragmas.CommandText = SqlitePragmas.Text + " PRAGMA wal_autocheckpoint=0;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await _checkpoints.DisposeAsync();
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
