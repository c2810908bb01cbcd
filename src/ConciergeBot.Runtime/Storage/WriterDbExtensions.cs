using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ConciergeBot.Storage;

/// <summary>Plain SQL next to EF inside the same unit of work on the writer.</summary>
public static class WriterDbExtensions
{
    public static SqliteConnection Connection(this ConciergeDb db) => (SqliteConnection)db.Database.GetDbConnection();

    public static SqliteTransaction Transaction(this ConciergeDb db) =>
        (SqliteTransaction)(db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("This unit of work is not inside a writer transaction."));
}
