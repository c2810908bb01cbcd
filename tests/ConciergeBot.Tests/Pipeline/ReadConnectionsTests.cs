using System.Collections.Concurrent;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ConciergeBot.Tests.Pipeline;

public sealed class ReadConnectionsTests : IDisposable
{
    private const string CountNotes = """SELECT COUNT(*) FROM "Notes" """;
    private const string AllNotes = """SELECT "Id" FROM "Notes" ORDER BY "Id" """;

    // SQLITE_STMTSTATUS_RUN, which SQLitePCL does not name: how many times one compiled statement has run.
    private const int StatementRuns = 6;

    private readonly TempFolder _folder = new();
    private readonly string _connectionString;

    // Stands in for the single writer: open throughout, and never copying the log back by itself.
    private readonly SqliteConnection _writer;

    public ReadConnectionsTests()
    {
        _connectionString = $"Data Source={_folder.File("reads.db")}";
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute(_writer, """PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; PRAGMA busy_timeout=0; CREATE TABLE "Notes" ("Id" INTEGER PRIMARY KEY);""");
        Insert(10);
    }

    [Fact]
    public async Task A_connection_comes_back_to_the_next_read_with_its_statement_still_compiled()
    {
        using var connections = new DatabaseConnections(_connectionString, kept: 1);

        SqliteConnection first;
        SqliteCommand command;
        await using (var read = await connections.OpenAsync(CancellationToken.None))
        {
            Assert.Equal(10L, read.Scalar(CountNotes));
            (first, command) = (read.Connection, Sql.Kept(read.Connection, null, CountNotes));
        }

        await using (var read = await connections.OpenAsync(CancellationToken.None))
        {
            Assert.Equal(10L, read.Scalar(CountNotes));
            Assert.Same(first, read.Connection);
            Assert.Same(command, Sql.Kept(read.Connection, null, CountNotes));
            Assert.Equal([2], Statements(read.Connection, CountNotes).Select(s => raw.sqlite3_stmt_status(s, StatementRuns, 0)));
        }
    }

    [Fact]
    public async Task A_connection_on_which_a_query_failed_is_closed_rather_than_lent_again()
    {
        using var connections = new DatabaseConnections(_connectionString, kept: 1);

        SqliteConnection failed;
        await using (var read = await connections.OpenAsync(CancellationToken.None))
        {
            failed = read.Connection;
            Assert.Throws<SqliteException>(() => read.Scalar("""SELECT COUNT(*) FROM "Missing" """));
        }

        await using (var read = await connections.OpenAsync(CancellationToken.None))
        {
            Assert.NotSame(failed, read.Connection);
            Assert.Equal(10L, read.Scalar(CountNotes));
        }

        Assert.Equal(System.Data.ConnectionState.Closed, failed.State);
    }

    [Fact]
    public async Task The_pool_keeps_no_more_connections_than_its_bound()
    {
        using var connections = new DatabaseConnections(_connectionString, kept: 2);

        var first = await LeaseAsync(connections, 5);
        var lent = first.Select(r => r.Connection).ToList();
        Assert.Equal(5, lent.Distinct().Count());
        foreach (var read in first)
        {
            await read.DisposeAsync();
        }

        var second = await LeaseAsync(connections, 5);
        Assert.Equal(2, second.Count(r => lent.Contains(r.Connection)));
        Assert.Equal(3, lent.Count(c => c.State == System.Data.ConnectionState.Closed));
        foreach (var read in second)
        {
            await read.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reads_at_the_same_time_never_share_a_connection()
    {
        using var connections = new DatabaseConnections(_connectionString, kept: 3);
        var inUse = new ConcurrentDictionary<SqliteConnection, bool>();
        var shared = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(reader => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await using var read = await connections.OpenAsync(CancellationToken.None);
                if (!inUse.TryAdd(read.Connection, true))
                {
                    Interlocked.Increment(ref shared);
                }

                Assert.Equal(10L, read.Scalar(CountNotes));
                await Task.Yield();
                inUse.TryRemove(read.Connection, out _);
            }
        })));

        Assert.Equal(0, shared);
    }

    [Fact]
    public async Task A_lease_given_back_with_a_reader_still_open_leaves_no_read_snapshot_behind()
    {
        using var connections = new DatabaseConnections(_connectionString, kept: 1);
        var read = await connections.OpenAsync(CancellationToken.None);
        var left = read.Connection;
        var reader = Sql.Kept(left, null, AllNotes).ExecuteReader();
        Assert.True(reader.Read());
        Insert(1);
        // The reader's snapshot holds the log: the check that follows would pass without one.
        Assert.False(LogStartsAgain());

        await read.DisposeAsync();

        Insert(1);
        Assert.True(LogStartsAgain());
        await using var next = await connections.OpenAsync(CancellationToken.None);
        Assert.NotSame(left, next.Connection);
        Assert.Equal(12L, next.Scalar(CountNotes));
    }

    [Fact]
    public async Task A_query_whose_row_handler_throws_leaves_nothing_open_and_its_connection_in_the_pool()
    {
        using var connections = new DatabaseConnections(_connectionString, kept: 1);

        SqliteConnection first;
        await using (var read = await connections.OpenAsync(CancellationToken.None))
        {
            first = read.Connection;
            Assert.Throws<FormatException>(() => read.Each(AllNotes, _ => throw new FormatException()));
            Insert(1);
            Assert.True(LogStartsAgain());
        }

        await using var next = await connections.OpenAsync(CancellationToken.None);
        Assert.Same(first, next.Connection);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), next.Rows(AllNotes, r => r.GetInt64(0)));
    }

    [Fact]
    public async Task A_lease_given_back_twice_puts_its_connection_in_the_pool_once()
    {
        using var connections = new DatabaseConnections(_connectionString, kept: 2);
        var read = await connections.OpenAsync(CancellationToken.None);
        read.Dispose();
        read.Dispose();

        await using var first = await connections.OpenAsync(CancellationToken.None);
        await using var second = await connections.OpenAsync(CancellationToken.None);
        Assert.NotSame(first.Connection, second.Connection);
        Assert.Throws<ObjectDisposedException>(() => read.Connection);
    }

    private static async Task<List<ReadConnection>> LeaseAsync(DatabaseConnections connections, int count)
    {
        var leases = new List<ReadConnection>(count);
        for (var i = 0; i < count; i++)
        {
            leases.Add(await connections.OpenAsync(CancellationToken.None));
        }

        return leases;
    }

    private static List<sqlite3_stmt> Statements(SqliteConnection connection, string sql)
    {
        var found = new List<sqlite3_stmt>();
        var db = connection.Handle!;
        for (var statement = raw.sqlite3_next_stmt(db, null); statement is not null; statement = raw.sqlite3_next_stmt(db, statement))
        {
            if (raw.sqlite3_sql(statement).utf8_to_string() == sql)
            {
                found.Add(statement);
            }
        }

        return found;
    }

    /// <summary>Whether a RESTART checkpoint, without waiting for readers, copies the whole log back so the next commit starts it again.</summary>
    private bool LogStartsAgain()
    {
        using var checkpoint = _writer.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(RESTART);";
        using var result = checkpoint.ExecuteReader();
        Assert.True(result.Read());
        return result.GetInt32(0) == 0;
    }

    private void Insert(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Execute(_writer, """INSERT INTO "Notes" DEFAULT VALUES;""");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _folder.Dispose();
    }
}
