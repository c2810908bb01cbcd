using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Storage;

/// <summary>
/// Brings the database to the newest schema at start: its folder is created (only by a command that
/// uses the database), and the write-ahead log, a property of the file, is set once.
/// </summary>
public sealed partial class DatabaseInitializer(string dataSource, IDbContextFactory<ConciergeDb> dbFactory, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        EnsureFolderExists();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Count > 0)
        {
            LogMigrated(pending.Count, string.Join(", ", pending));
        }
    }

    private void EnsureFolderExists()
    {
        if (dataSource is "" or ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} database migration(s): {Migrations}")]
    private partial void LogMigrated(int count, string migrations);
}
