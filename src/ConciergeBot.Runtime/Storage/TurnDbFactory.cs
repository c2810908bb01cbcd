using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Storage;

/// <summary>
/// Units of work for dialogs, one per turn that needs one. Not pooled: at commit the context is
/// moved onto the writer's connection and transaction, which a pooled context must never keep.
/// </summary>
public sealed class TurnDbFactory(DbContextOptions<ConciergeDb> options)
{
    public ConciergeDb Create() => new(options);

    /// <summary>A unit of work inside a transaction the caller owns: one of the single writer's, or a read transaction.</summary>
    public ConciergeDb Within(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction)
    {
        var db = Create();
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        db.Database.UseTransaction(transaction);
        return db;
    }
}
