using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ConciergeBot.Storage;

/// <summary>
/// Read connections to the database; writes go through the <see cref="DatabaseWriter"/>. A connection
/// stays open between reads, with the statements it has compiled (<see cref="ReadConnection"/>): closing
/// it, even into Microsoft.Data.Sqlite's own pool, throws them away, and compiling them again on every
/// read cost more than many of the reads. At most <see cref="Kept"/> connections wait here; when more
/// reads run at once, more are opened, and closed again if they come back to a full pool.
/// </summary>
public sealed class DatabaseConnections : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Stack<SqliteConnection> _idle = new();
    private bool _disposed;

    /// <param name="kept">How many open connections wait between reads; by default four per core.</param>
    public DatabaseConnections(string connectionString, int? kept = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kept ?? 1, 1, nameof(kept));
        ConnectionString = connectionString;
        Kept = kept ?? 4 * Environment.ProcessorCount;
    }

    public string ConnectionString { get; }

    public int Kept { get; }

    /// <summary>
    /// A connection of one's own until the returned lease is disposed. Once the pool is disposed it still
    /// lends new ones, for work that ends late while the host stops, but keeps none of them.
    /// </summary>
    public async ValueTask<ReadConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_idle.TryPop(out var idle))
            {
                return new ReadConnection(this, idle);
            }
        }

        return new ReadConnection(this, await OpenNewAsync(cancellationToken));
    }

    private async Task<SqliteConnection> OpenNewAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            OpenStatements.Track(connection);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqlitePragmas.Text;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Back from a lease: kept for the next read if it is as it was lent, closed otherwise.</summary>
    internal void Return(SqliteConnection connection, bool failed)
    {
        if (!failed && AtRest(connection))
        {
            lock (_lock)
            {
                if (!_disposed && _idle.Count < Kept)
                {
                    _idle.Push(connection);
                    return;
                }
            }
        }

        // Closing rolls back whatever transaction was left and finalizes every statement, readers included.
        connection.Dispose();
    }

    /// <summary>
    /// No transaction left open, which the next read would find itself inside, and no statement between
    /// two steps, which holds a read snapshot while the connection waits here: the log could not start
    /// again behind it (see <see cref="WalCheckpoints"/>).
    /// </summary>
    private static bool AtRest(SqliteConnection connection) =>
        connection.State == System.Data.ConnectionState.Open
        && raw.sqlite3_get_autocommit(connection.Handle) != 0
        && !OpenStatements.Any(connection);

    public void Dispose()
    {
        SqliteConnection[] idle;
        lock (_lock)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var connection in idle)
        {
            connection.Dispose();
        }
    }
}
