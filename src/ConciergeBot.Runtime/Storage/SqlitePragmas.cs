using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConciergeBot.Storage;

/// <summary>
/// Per-connection SQLite settings. With the write-ahead log, NORMAL synchronisation survives a
/// crash of the process (what the inbox and outbox guard against) without an fsync per commit.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    internal const int BusyTimeoutMilliseconds = 10_000;

    internal const string Text = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Text;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Text;
        command.ExecuteNonQuery();
    }
}
