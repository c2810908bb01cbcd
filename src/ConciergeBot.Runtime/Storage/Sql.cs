using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Storage;

/// <summary>
/// Plain commands for the turn pipeline's hot path, where an ORM's overhead per statement would cost
/// more than the SQL. Values are written in the formats EF Core uses for the same columns.
/// </summary>
public static class Sql
{
    // Per connection: a connection replaced after a failure starts afresh, and its commands go when it does.
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> KeptCommands = new();

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, Value(value));
        }

        return command;
    }

    /// <summary>
    /// A command kept with a long-lived connection, so its statement is compiled once rather than on
    /// every use: the <see cref="DatabaseWriter"/> runs the same few statements all day and every write
    /// in the queue waits behind each compile, and every turn reads the same few on the pooled read
    /// connections (through <see cref="ReadConnection"/>, which also sees that no reader stays open).
    /// Only for those connections, and for constant SQL; do not dispose it, and dispose its readers
    /// before it runs again.
    /// </summary>
    public static SqliteCommand Kept(SqliteConnection connection, SqliteTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        var commands = KeptCommands.GetValue(connection, _ => new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
        if (!commands.TryGetValue(text, out var command))
        {
            command = Command(connection, transaction, text, parameters);
            commands.Add(text, command);
            return command;
        }

        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = Value(value);
        }

        return command;
    }

    private static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime time => Time(time),
        Guid id => Id(id),
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
        _ => value,
    };

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
