using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Storage;

/// <summary>Recognises the database's refusals that are the caller's conflict, not a fault of ours.</summary>
public static class StoreErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>The scheduling migration's trigger: two booked or completed appointments overlapping on one resource.</summary>
    public static bool IsDoubleBooking(DbUpdateException ex) =>
        ex.InnerException is SqliteException sqlite && IsDoubleBooking(sqlite);

    /// <summary>The same refusal met by plain SQL, which sees the database's exception itself.</summary>
    public static bool IsDoubleBooking(SqliteException ex) =>
        ex is { SqliteErrorCode: SqliteConstraint } && ex.Message.Contains("double booking", StringComparison.Ordinal);

    /// <summary>A unique index: another writer took the same code, reference or phone number first.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique };
}
