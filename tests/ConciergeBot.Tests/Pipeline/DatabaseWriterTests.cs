using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ConciergeBot.Tests.Pipeline;

public sealed class DatabaseWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly string _path;
    private readonly string _connectionString;

    public DatabaseWriterTests()
    {
        _path = _folder.File("writer.db");
        _connectionString = $"Data Source={_path}";
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = """PRAGMA journal_mode=WAL; CREATE TABLE "Notes" ("Id" INTEGER PRIMARY KEY, "Body" BLOB NOT NULL);""";
        create.ExecuteNonQuery();
    }

    [Fact]
    public async Task The_log_starts_again_under_steady_writes_and_reads_instead_of_growing()
    {
        const int Writers = 4;
        const int WritesEach = 300;
        await using var writer = new DatabaseWriter(_connectionString, NullLogger<DatabaseWriter>.Instance, _clock);
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(() => ReadUntilAsync(stop.Token));

        // About 14 MB of log in all (three pages a commit); a log that never starts again keeps every page.
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < WritesEach; i++)
            {
                await writer.WriteAsync((connection, transaction) => Insert(connection, transaction, (w * WritesEach) + i), CancellationToken.None);
                _clock.Advance(TimeSpan.FromMilliseconds(200));
            }
        })));
        await stop.CancelAsync();
        var reads = await reading;

        Assert.True(reads > 0);
        Assert.Equal(Writers * WritesEach, Count());
        // The log's header counts how often it started again: every second of the clock, when readers let it.
        var restarts = LogRestarts();
        Assert.True(restarts >= 8, $"the write-ahead log started again {restarts} time(s) in {Writers * WritesEach:N0} commits over four minutes");
        var log = new FileInfo(_path + "-wal").Length;
        Assert.True(log < 12 * 1024 * 1024, $"the write-ahead log is {log:N0} bytes after {Writers * WritesEach:N0} commits");
    }

    [Fact]
    public async Task A_write_that_fails_hears_of_it_only_once_the_writes_beside_it_have_committed()
    {
        await using var writer = new DatabaseWriter(_connectionString, NullLogger<DatabaseWriter>.Instance, _clock);
        using var release = new ManualResetEventSlim();
        // Holds the writer so that the next two writes are queued together and run in one group commit.
        var holding = writer.WriteAsync((_, _) => release.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);
        var inserting = writer.WriteAsync((connection, transaction) => Insert(connection, transaction, 1), CancellationToken.None);
        var failing = writer.WriteAsync<int>((_, _) => throw new InvalidOperationException("a conflict"), CancellationToken.None);
        var seenAfterFailure = failing.ContinueWith(_ => Count(), TaskScheduler.Default);
        release.Set();

        Assert.True(await holding);
        await inserting;
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        // Whoever reads again after a failure (a turn run again, a slot found taken) sees what was committed beside it.
        Assert.Equal(1, await seenAfterFailure);
    }

    [Fact]
    public async Task A_write_that_fails_is_undone_alone_and_the_writes_beside_it_commit_in_every_group()
    {
        await using var writer = new DatabaseWriter(_connectionString, NullLogger<DatabaseWriter>.Instance, _clock);
        for (var group = 0; group < 3; group++)
        {
            using var release = new ManualResetEventSlim();
            // Holds the writer so that the next three writes are queued together and run in one group commit.
            var holding = writer.WriteAsync((_, _) => release.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);
            var first = writer.WriteAsync((connection, transaction) => Insert(connection, transaction, (group * 10) + 1), CancellationToken.None);
            var failing = writer.WriteAsync<int>((connection, transaction) =>
            {
                Insert(connection, transaction, (group * 10) + 2);
                throw new InvalidOperationException("a conflict after a row was written");
            }, CancellationToken.None);
            var third = writer.WriteAsync((connection, transaction) => Insert(connection, transaction, (group * 10) + 3), CancellationToken.None);
            release.Set();

            Assert.True(await holding);
            await Task.WhenAll(first, third);
            await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        }

        Assert.Equal([1, 3, 11, 13, 21, 23], Ids());
    }

    private static int Insert(SqliteConnection connection, SqliteTransaction transaction, int id)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """INSERT INTO "Notes" ("Id", "Body") VALUES (@id, @body)""";
        insert.Parameters.AddWithValue("@id", id);
        insert.Parameters.AddWithValue("@body", new byte[3000]);
        return insert.ExecuteNonQuery();
    }

    private async Task<int> ReadUntilAsync(CancellationToken stop)
    {
        var reads = 0;
        while (!stop.IsCancellationRequested)
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(CancellationToken.None);
            await using var count = connection.CreateCommand();
            count.CommandText = """SELECT COUNT(*) FROM "Notes" """;
            await count.ExecuteScalarAsync(CancellationToken.None);
            reads++;
        }

        return reads;
    }

    /// <summary>The checkpoint sequence number in the log's header (big-endian, bytes 12 to 15), which each restart of the log increases.</summary>
    private uint LogRestarts()
    {
        using var log = new FileStream(_path + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[16];
        log.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12));
    }

    private List<long> Ids()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var ids = connection.CreateCommand();
        ids.CommandText = """SELECT "Id" FROM "Notes" ORDER BY "Id" """;
        using var reader = ids.ExecuteReader();
        var found = new List<long>();
        while (reader.Read())
        {
            found.Add(reader.GetInt64(0));
        }

        return found;
    }

    private int Count()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = """SELECT COUNT(*) FROM "Notes" """;
        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _folder.Dispose();
}
