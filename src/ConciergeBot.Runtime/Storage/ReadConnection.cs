using Microsoft.Data.Sqlite;

namespace ConciergeBot.Storage;

/// <summary>
/// A read connection lent by <see cref="DatabaseConnections"/> until disposed. Its queries are for
/// constant SQL and run on statements the connection compiled once (<see cref="Sql.Kept"/>). Each one
/// reads its rows to the end before it returns, so no reader can be forgotten open: an open statement
/// would hold a read snapshot while the connection waits in the pool. A connection on which one of them
/// failed is closed rather than lent again.
/// </summary>
public sealed class ReadConnection : IDisposable, IAsyncDisposable
{
    private readonly DatabaseConnections _pool;
    private SqliteConnection? _connection;
    private bool _failed;

    internal ReadConnection(DatabaseConnections pool, SqliteConnection connection)
    {
        _pool = pool;
        _connection = connection;
    }

    /// <summary>
    /// For what the queries here do not cover: SQL that varies with its input, EF Core, a read transaction.
    /// What is left open on it when the lease ends (a reader, a transaction) closes the connection for good.
    /// </summary>
    public SqliteConnection Connection => _connection ?? throw new ObjectDisposedException(nameof(ReadConnection));

    /// <summary>The first column of the first row, or null when there is no row.</summary>
    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        try
        {
            return Sql.Kept(Connection, null, sql, parameters).ExecuteScalar();
        }
        catch (SqliteException)
        {
            _failed = true;
            throw;
        }
    }

    public List<T> Rows<T>(string sql, Func<SqliteDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        var rows = new List<T>();
        Each(sql, reader => rows.Add(row(reader)), parameters);
        return rows;
    }

    /// <summary>Hands every row to <paramref name="row"/>, for a caller that keeps what it needs of them in its own shape.</summary>
    public void Each(string sql, Action<SqliteDataReader> row, params (string Name, object? Value)[] parameters)
    {
        try
        {
            using var reader = Sql.Kept(Connection, null, sql, parameters).ExecuteReader();
            while (reader.Read())
            {
                row(reader);
            }
        }
        catch (SqliteException)
        {
            _failed = true;
            throw;
        }
    }

    public void Dispose()
    {
        // Once only: a second return would put one connection in the pool twice, for two readers at once.
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            _pool.Return(connection, _failed);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
