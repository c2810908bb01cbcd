using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ConciergeBot.Storage;

/// <summary>
/// Whether a connection still has a statement part-way through its rows, whoever created it: a reader
/// left undisposed holds a read snapshot for as long as it stays open.
/// </summary>
internal static class OpenStatements
{
    /// <summary>Before the connection's first statement: SQLitePCL can list only the statements it has seen compiled.</summary>
    public static void Track(SqliteConnection connection) => connection.Handle!.enable_sqlite3_next_stmt(true);

    public static bool Any(SqliteConnection connection)
    {
        var db = connection.Handle!;
        try
        {
            for (var statement = raw.sqlite3_next_stmt(db, null); statement is not null; statement = raw.sqlite3_next_stmt(db, statement))
            {
                if (raw.sqlite3_stmt_busy(statement) != 0)
                {
                    return true;
                }
            }

            return false;
        }
        catch (KeyNotFoundException)
        {
            // A statement compiled before Track (a handle Microsoft.Data.Sqlite's pool had lent before): not known, so not trusted.
            return true;
        }
    }
}
