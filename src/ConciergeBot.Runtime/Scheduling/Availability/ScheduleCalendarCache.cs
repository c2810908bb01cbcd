using System.Collections.Concurrent;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// Keeps each business's <see cref="ScheduleCalendar"/> between searches. Triggers on the calendar tables
/// bump a one-row revision counter on every change, whoever makes it (the admin API, an import, another
/// process), so a search reads that single row and reloads the calendar only when it moved.
/// <para>Only calendars read on a read connection are kept: those are committed. The writer's connection
/// may see its own batch's uncommitted changes, which a savepoint can still undo, so what it has to read
/// itself it uses once and forgets.</para>
/// </summary>
public sealed class ScheduleCalendarCache(TurnDbFactory dbs)
{
    private const string ReadRevision = """SELECT "Revision" FROM "CalendarRevision" WHERE "Id" = 1""";

    private readonly ConcurrentDictionary<Guid, ScheduleCalendar> _calendars = new();

    /// <summary>The current calendar, checked against the revision on <paramref name="read"/> (no transaction open).</summary>
    public async Task<ScheduleCalendar> GetAsync(ReadConnection read, Guid businessId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var revision = (long)read.Scalar(ReadRevision)!;
        if (_calendars.TryGetValue(businessId, out var cached) && cached.Revision == revision)
        {
            return cached;
        }

        // The revision and the tables in one read transaction: the calendar is exactly that revision's.
        // Deferred: a read transaction, which takes no lock until the first read.
        var connection = read.Connection;
        using var transaction = connection.BeginTransaction(deferred: true);
        using var db = dbs.Within(connection, transaction);
        var calendar = await LoadAsync(db, connection, transaction, businessId, cancellationToken);
        transaction.Commit();
        return _calendars.AddOrUpdate(businessId, calendar, (_, older) => older.Revision > calendar.Revision ? older : calendar);
    }

    /// <summary>The calendar last read, without asking whether it is still current: for what a later check on the writer confirms.</summary>
    public ScheduleCalendar? Known(Guid businessId) => _calendars.GetValueOrDefault(businessId);

    /// <summary>The calendar as the single writer's transaction sees it; see the class summary for why it is not kept.</summary>
    public ScheduleCalendar OnWriter(SqliteConnection connection, SqliteTransaction transaction, Guid businessId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using (var read = Sql.Command(connection, transaction, ReadRevision))
        {
            var revision = (long)read.ExecuteScalar()!;
            if (_calendars.TryGetValue(businessId, out var cached) && cached.Revision == revision)
            {
                return cached;
            }
        }

        using var db = dbs.Within(connection, transaction);
        return Load(db, connection, transaction, businessId);
    }

    private static async Task<ScheduleCalendar> LoadAsync(ConciergeDb db, SqliteConnection connection, SqliteTransaction transaction, Guid businessId, CancellationToken ct)
    {
        using var read = Sql.Command(connection, transaction, ReadRevision);
        var revision = (long)(await read.ExecuteScalarAsync(ct))!;
        var q = Queries.For(db, businessId);
        return Build(revision, businessId, await q.Resources.ToListAsync(ct), await q.Overrides.ToListAsync(ct), await q.Services.ToListAsync(ct));
    }

    private static ScheduleCalendar Load(ConciergeDb db, SqliteConnection connection, SqliteTransaction transaction, Guid businessId)
    {
        using var read = Sql.Command(connection, transaction, ReadRevision);
        var revision = (long)read.ExecuteScalar()!;
        var q = Queries.For(db, businessId);
        return Build(revision, businessId, q.Resources.ToList(), q.Overrides.ToList(), q.Services.ToList());
    }

    private static ScheduleCalendar Build(long revision, Guid businessId, List<Resource> resources, List<ScheduleOverride> overrides, List<Service> services) => new(
        revision,
        businessId,
        resources.Select(r => new CalendarResource(
            r.Id, r.Code, r.Name, r.Services.Select(s => s.ServiceId).ToHashSet(), r.Hours.ToArray(), r.Breaks.ToArray())).ToArray(),
        overrides.ToArray(),
        services);

    /// <summary>The same resources, in the same order, as <see cref="ScheduleReader"/> reads; overrides of every date.</summary>
    private sealed record Queries(IQueryable<Resource> Resources, IQueryable<ScheduleOverride> Overrides, IQueryable<Service> Services)
    {
        public static Queries For(ConciergeDb db, Guid businessId) => new(
            db.Resources.AsNoTracking()
                .Where(r => r.BusinessId == businessId && r.Active)
                .Include(r => r.Services)
                .Include(r => r.Hours)
                .Include(r => r.Breaks)
                .OrderBy(r => r.Code)
                .AsSplitQuery(),
            db.ScheduleOverrides.AsNoTracking().Where(o => o.BusinessId == businessId).OrderBy(o => o.Date).ThenBy(o => o.Id),
            // Every service, not only this business's or the active ones: a booking names its service by id.
            db.Services.AsNoTracking());
    }
}
