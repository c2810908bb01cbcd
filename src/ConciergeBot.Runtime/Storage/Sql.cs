using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Storage;

/// <summary>
/// Plain commands for the turn pipeline's hot path, where an ORM's overhead per statement would cost
/// more than the SQL. Values are written in the formats EF Core uses for the same columns.
/// </summary>
public static class Sql
{
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value switch
            {
                null => DBNull.Value,
                DateTime time => Time(time),
                Guid id => Id(id),
                Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
                _ => value,
            });
        }

        return command;
    }

    /// <summary>EF Core's SQLite text form of a UTC time, so raw and mapped rows compare and sort alike.</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string Id(Guid id) => id.ToString().ToUpperInvariant();

    public static DateTime ReadTime(SqliteDataReader reader, int ordinal) =>
        DateTime.SpecifyKind(DateTime.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc);

    public static DateTime? ReadNullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    public static string? ReadNullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
