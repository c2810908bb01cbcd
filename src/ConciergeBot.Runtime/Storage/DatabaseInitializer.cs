using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Storage;

/// <summary>Brings the database to the newest schema at start; the write-ahead log is a property of the file, set once.</summary>
public sealed partial class DatabaseInitializer(IDbContextFactory<ConciergeDb> dbFactory, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} database migration(s): {Migrations}")]
    private partial void LogMigrated(int count, string migrations);
}
