using ConciergeBot.Scheduling;
using ConciergeBot.Scheduling.Availability;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static ConciergeBot.Tests.Scheduling.Availability.ScheduleBuilder;

namespace ConciergeBot.Tests.Scheduling.Availability;

/// <summary>Reading a snapshot from a real SQLite database.</summary>
public sealed class ScheduleReaderTests : IAsyncLifetime
{
    private static readonly Guid Business = new("10000000-0000-0000-0000-000000000001");
    private static readonly Guid OtherBusiness = new("10000000-0000-0000-0000-000000000002");
    private static readonly Guid Retired = new("20000000-0000-0000-0000-000000000009");
    private static readonly Guid Elsewhere = new("20000000-0000-0000-0000-000000000008");
    private static readonly Guid Customer = new("30000000-0000-0000-0000-000000000001");

    // Monday 30 November 2026, 08:00 in Jakarta; the period is Tuesday 1 to Thursday 3 December.
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset From = new(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset To = new(2026, 12, 4, 0, 0, 0, TimeSpan.FromHours(7));

    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, Guid> _appointments = [];

    public async Task InitializeAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
        db.Customers.Add(new Customer { Id = Customer, DisplayName = "Budi Santoso" });
        var cut = new Service { Id = Haircut, BusinessId = Business, Code = "cut", DurationMinutes = 60, BufferBeforeMinutes = 15, BufferAfterMinutes = 15 };
        var colour = new Service { Id = Colouring, BusinessId = Business, Code = "colour", DurationMinutes = 90 };
        db.Services.AddRange(cut, colour);

        db.Resources.AddRange(
            Stylist(Budi, "b-budi", Business, [Haircut, Colouring]),
            Stylist(Ani, "a-ani", Business, [Haircut]),
            Stylist(Retired, "c-retired", Business, [Haircut], active: false),
            Stylist(Elsewhere, "d-elsewhere", OtherBusiness, [Haircut]));

        db.ScheduleOverrides.AddRange(
            new ScheduleOverride { BusinessId = Business, Date = new DateOnly(2026, 12, 2), Reason = "Holiday" },
            new ScheduleOverride { BusinessId = Business, Date = new DateOnly(2027, 1, 20), Reason = "Too late" },
            new ScheduleOverride { BusinessId = Business, ResourceId = Ani, Date = new DateOnly(2026, 12, 2), Opens = new(10, 0), Closes = new(12, 0) },
            new ScheduleOverride { BusinessId = Business, ResourceId = Ani, Date = new DateOnly(2026, 11, 20) },
            new ScheduleOverride { BusinessId = OtherBusiness, Date = new DateOnly(2026, 12, 3) });

        Book(db, "booked", Ani, "2026-12-01T10:00:00+07:00", AppointmentStatus.Booked, cut);
        Book(db, "completed", Budi, "2026-12-01T09:00:00+07:00", AppointmentStatus.Completed, cut);
        Book(db, "cancelled", Ani, "2026-12-01T14:00:00+07:00", AppointmentStatus.Cancelled, cut);
        Book(db, "no-show", Ani, "2026-12-01T15:00:00+07:00", AppointmentStatus.NoShow, cut);
        Book(db, "day-before", Ani, "2026-11-30T16:00:00+07:00", AppointmentStatus.Booked, cut);
        Book(db, "next-week", Ani, "2026-12-08T10:00:00+07:00", AppointmentStatus.Booked, cut);
        Book(db, "elsewhere", Elsewhere, "2026-12-01T10:00:00+07:00", AppointmentStatus.Booked, cut);

        db.SlotHolds.AddRange(
            Hold("conversation-live", Budi, "2026-12-03T10:00:00+07:00", expires: Now.AddMinutes(5)),
            Hold("conversation-gone", Budi, "2026-12-03T14:00:00+07:00", expires: Now.AddMinutes(-1)),
            Hold("conversation-elsewhere", Elsewhere, "2026-12-03T10:00:00+07:00", expires: Now.AddMinutes(5)));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_snapshot_holds_the_businesss_active_resources_their_overrides_and_what_blocks_them()
    {
        await using var db = Open();

        var snapshot = await ScheduleReader.LoadAsync(db, Business, Jakarta, From, To, Now, CancellationToken.None);

        Assert.Same(Jakarta, snapshot.Zone);
        Assert.Equal([Ani, Budi], snapshot.Resources.Select(r => r.ResourceId));
        var ani = snapshot.Resources[0];
        Assert.Equal([Haircut], ani.ServiceIds);
        Assert.Equal(6, ani.Hours.Count);
        Assert.Equal(new TimeOnly(12, 0), Assert.Single(ani.Breaks).Start);
        Assert.Equal([new DateOnly(2026, 12, 2)], ani.Overrides.Select(o => o.Date));
        Assert.Equal([Haircut, Colouring], snapshot.Resources[1].ServiceIds.Order());
        Assert.Equal([new DateOnly(2026, 12, 2)], snapshot.BusinessOverrides.Select(o => o.Date));

        Assert.Equal(
            ["booked", "completed", "day-before"],
            snapshot.Busy.Where(b => b.AppointmentId is not null).Select(b => _appointments.Single(a => a.Value == b.AppointmentId).Key).Order());
        var booked = snapshot.Busy.Single(b => b.AppointmentId == _appointments["booked"]);
        Assert.Equal((Ani, DateTimeOffset.Parse("2026-12-01T02:45:00Z"), DateTimeOffset.Parse("2026-12-01T04:15:00Z")), (booked.ResourceId, booked.Start, booked.End));
        var hold = Assert.Single(snapshot.Busy, b => b.Holder is not null);
        Assert.Equal(("conversation-live", Budi), (hold.Holder, hold.ResourceId));
    }

    [Fact]
    public async Task The_synchronous_load_reads_the_same_snapshot()
    {
        await using var db = Open();

        var asynchronous = await ScheduleReader.LoadAsync(db, Business, Jakarta, From, To, Now, CancellationToken.None);
        var synchronous = ScheduleReader.Load(db, Business, Jakarta, From, To, Now, CancellationToken.None);

        Assert.Equal(asynchronous.Resources.Select(r => (r.ResourceId, r.Hours.Count, r.Breaks.Count, r.Overrides.Count)), synchronous.Resources.Select(r => (r.ResourceId, r.Hours.Count, r.Breaks.Count, r.Overrides.Count)));
        Assert.Equal(asynchronous.BusinessOverrides.Select(o => o.Date), synchronous.BusinessOverrides.Select(o => o.Date));
        Assert.Equal(asynchronous.Busy.OrderBy(b => b.Start), synchronous.Busy.OrderBy(b => b.Start));
    }

    [Fact]
    public async Task The_cached_calendar_with_busy_time_read_in_plain_sql_is_the_same_snapshot()
    {
        await using var db = Open();
        var reference = await ScheduleReader.LoadAsync(db, Business, Jakarta, From, To, Now, CancellationToken.None);
        using var connections = new DatabaseConnections(ConnectionString);
        var source = new ScheduleSource(connections, new ScheduleCalendarCache(new TurnDbFactory(Options)));

        var (cold, _) = await source.LoadAsync(Business, Jakarta, From, To, Now, CancellationToken.None);
        var (warm, _) = await source.LoadAsync(Business, Jakarta, From, To, Now, CancellationToken.None);

        foreach (var snapshot in new[] { cold, warm })
        {
            Assert.Same(Jakarta, snapshot.Zone);
            var (expected, actual) = (Describe(reference), Describe(snapshot));
            Assert.Equal(expected.Resources, actual.Resources);
            Assert.Equal(expected.Overrides, actual.Overrides);
            Assert.Equal(expected.Busy, actual.Busy);
        }
    }

    [Fact]
    public async Task The_writers_check_of_one_slot_reads_only_that_resource()
    {
        await using var db = Open();
        var reference = await ScheduleReader.LoadAsync(db, Business, Jakarta, From, To, Now, CancellationToken.None);
        using var connections = new DatabaseConnections(ConnectionString);
        var source = new ScheduleSource(connections, new ScheduleCalendarCache(new TurnDbFactory(Options)));
        await using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var calendar = source.CalendarOnWriter(connection, transaction, Business);

        var budi = ScheduleSource.SlotOnWriter(connection, transaction, calendar, Jakarta, new Slot(Budi, From.AddHours(10), From.AddHours(11)), Now);
        var retired = ScheduleSource.SlotOnWriter(connection, transaction, calendar, Jakarta, new Slot(Retired, From.AddHours(10), From.AddHours(11)), Now);

        Assert.Equal([Budi], budi.Resources.Select(r => r.ResourceId));
        Assert.Equal(Describe(reference).Resources.Where(r => r.StartsWith(Budi.ToString(), StringComparison.Ordinal)), Describe(budi).Resources);
        // The slot's day with a day either side: Budi's completed appointment, not his hold on Thursday.
        var (start, end) = (From.AddHours(10).AddDays(-1), From.AddHours(11).AddDays(1));
        Assert.Equal(reference.Busy.Where(b => b.ResourceId == Budi && b.Start < end && b.End > start).OrderBy(b => b.Start), budi.Busy.OrderBy(b => b.Start));
        Assert.NotEmpty(budi.Busy);
        Assert.Empty(retired.Resources);
    }

    /// <summary>A snapshot as comparable text: resources in order with what they hold, business overrides, busy times.</summary>
    private static (string[] Resources, string[] Overrides, string[] Busy) Describe(ScheduleSnapshot snapshot) => (
        snapshot.Resources.Select(r => string.Join(
            " ",
            r.ResourceId,
            string.Join(",", r.ServiceIds.Order()),
            string.Join(",", r.Hours.Select(h => $"{h.Day}:{h.Opens}-{h.Closes}").Order(StringComparer.Ordinal)),
            string.Join(",", r.Breaks.Select(b => $"{b.Day}:{b.Start}-{b.End}").Order(StringComparer.Ordinal)),
            string.Join(",", r.Overrides.Select(Override).Order(StringComparer.Ordinal)))).ToArray(),
        snapshot.BusinessOverrides.Select(Override).Order(StringComparer.Ordinal).ToArray(),
        snapshot.Busy.Select(b => $"{b.ResourceId} {b.Start:O}-{b.End:O} {b.AppointmentId} {b.Holder}").Order(StringComparer.Ordinal).ToArray());

    private static string Override(ScheduleOverride o) => $"{o.Date:O} {o.ResourceId} {o.Opens}-{o.Closes} {o.Reason}";

    [Fact]
    public async Task A_loaded_snapshot_gives_the_slots_its_bookings_holidays_and_holds_leave_free()
    {
        await using var db = Open();
        var snapshot = await ScheduleReader.LoadAsync(db, Business, Jakarta, From, To, Now, CancellationToken.None);
        var finder = new SlotFinder(new SchedulingOptions());
        var request = new SlotRequest(ServiceTiming.Of(await db.Services.SingleAsync(s => s.Id == Haircut)), Now, ResourceId: Ani);

        var slots = finder.FreeSlots(snapshot, request, From, To).Select(Local).ToList();

        // Tuesday: the 10:00 haircut blocks 09:45–11:15; with the new one's own 15 minutes either side no hour
        // fits before the lunch break. The cancelled 14:00 and the no-show at 15:00 block nothing.
        Assert.Equal(["2026-12-01 13:00", "2026-12-01 13:30", "2026-12-01 14:00", "2026-12-01 14:30"], slots.Where(s => s.StartsWith("2026-12-01", StringComparison.Ordinal)).Take(4));
        // Wednesday is a holiday, but Ani works 10:00–12:00.
        Assert.Equal(["2026-12-02 10:00", "2026-12-02 10:30", "2026-12-02 11:00"], slots.Where(s => s.StartsWith("2026-12-02", StringComparison.Ordinal)));

        var budi = request with { ResourceId = Budi };
        Assert.Null(finder.FindAt(snapshot, budi, From.AddDays(2).AddHours(10)));
        Assert.NotNull(finder.FindAt(snapshot, budi with { Holder = "conversation-live" }, From.AddDays(2).AddHours(10)));
        Assert.NotNull(finder.FindAt(snapshot, budi, From.AddDays(2).AddHours(14)));
    }

    private string ConnectionString => $"Data Source={_folder.File("concierge.db")}";

    private DbContextOptions<ConciergeDb> Options => new DbContextOptionsBuilder<ConciergeDb>().UseSqlite(ConnectionString).Options;

    private ConciergeDb Open() => new(Options);

    private static Resource Stylist(Guid id, string code, Guid business, Guid[] services, bool active = true) => new()
    {
        Id = id,
        BusinessId = business,
        Code = code,
        Name = code,
        Active = active,
        Services = [.. services.Select(s => new ResourceService { ResourceId = id, ServiceId = s })],
        Hours = [.. Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday)
            .Select(d => new WeeklyHours { ResourceId = id, Day = d, Opens = new(9, 0), Closes = new(17, 0) })],
        Breaks = [new WeeklyBreak { ResourceId = id, Start = new(12, 0), End = new(13, 0) }],
    };

    private void Book(ConciergeDb db, string reference, Guid resource, string start, AppointmentStatus status, Service service)
    {
        var appointment = new Appointment { Id = Guid.NewGuid(), BusinessId = resource == Elsewhere ? OtherBusiness : Business, Reference = reference, CustomerId = Customer, ServiceId = service.Id, Status = status };
        appointment.Place(resource, DateTimeOffset.Parse(start).UtcDateTime, service);
        _appointments[reference] = appointment.Id;
        db.Appointments.Add(appointment);
    }

    private static SlotHold Hold(string holder, Guid resource, string start, DateTimeOffset expires)
    {
        var from = DateTimeOffset.Parse(start).UtcDateTime;
        return new SlotHold { Holder = holder, ResourceId = resource, BlockedStart = from, BlockedEnd = from.AddHours(1), ExpiresAt = expires.UtcDateTime };
    }
}
