using Microsoft.Data.Sqlite;

namespace ConciergeBot.Storage;

/// <summary>Read connections to the database (pooled); writes go through the <see cref="DatabaseWriter"/>.</summary>
public sealed class DatabaseConnections(string connectionString)
{
    public string ConnectionString => connectionString;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
