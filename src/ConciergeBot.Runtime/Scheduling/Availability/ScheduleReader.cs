using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// Reads what a slot search needs for a business and a period into a <see cref="ScheduleSnapshot"/>:
/// active resources (ordered by code) with their services, hours, breaks and own overrides; the business's
/// overrides; appointments that are booked or completed, and holds not expired at <c>now</c>, as busy time.
/// The period is widened by a day on each side so the local days and buffers at its edges are complete.
/// </summary>
public static class ScheduleReader
{
    public static async Task<ScheduleSnapshot> LoadAsync(
        ConciergeDb db, Guid businessId, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken ct)
    {
        var q = Queries.For(db, businessId, zone, from, to, now);
        var resources = await q.Resources.ToListAsync(ct);
        var overrides = await q.Overrides.ToListAsync(ct);
        var appointments = await q.Appointments.ToListAsync(ct);
        var holds = await q.Holds.ToListAsync(ct);
        return Snapshot(zone, resources, overrides, appointments, holds);
    }

    /// <summary>The same as <see cref="LoadAsync"/>, for code that runs synchronously on the single writer's connection.</summary>
    public static ScheduleSnapshot Load(
        ConciergeDb db, Guid businessId, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var q = Queries.For(db, businessId, zone, from, to, now);
        return Snapshot(zone, q.Resources.ToList(), q.Overrides.ToList(), q.Appointments.ToList(), q.Holds.ToList());
    }

    private static ScheduleSnapshot Snapshot(
        TimeZoneInfo zone, List<Resource> resources, List<ScheduleOverride> overrides, List<BlockedTime> appointments, List<HeldTime> holds)
    {
        var active = resources.Select(r => r.Id).ToHashSet();
        var calendars = resources.Select(r => new ResourceCalendar(
                r.Id,
                r.Services.Select(s => s.ServiceId).ToHashSet(),
                r.Hours.ToArray(),
                r.Breaks.ToArray(),
                overrides.Where(o => o.ResourceId == r.Id).ToArray()))
            .ToArray();

        var busy = new List<BusyTime>(appointments.Count + holds.Count);
        busy.AddRange(appointments.Where(a => active.Contains(a.ResourceId))
            .Select(a => new BusyTime(a.ResourceId, Utc(a.Start), Utc(a.End), AppointmentId: a.Id)));
        busy.AddRange(holds.Select(h => new BusyTime(h.ResourceId, Utc(h.Start), Utc(h.End), Holder: h.Holder)));

        return new ScheduleSnapshot(zone, calendars, overrides.Where(o => o.ResourceId is null).ToArray(), busy.ToArray());
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private sealed record BlockedTime(Guid Id, Guid ResourceId, DateTime Start, DateTime End);

    private sealed record HeldTime(Guid ResourceId, string Holder, DateTime Start, DateTime End);

    /// <summary>The four queries, shared by the synchronous and the asynchronous load.</summary>
    private sealed record Queries(
        IQueryable<Resource> Resources,
        IQueryable<ScheduleOverride> Overrides,
        IQueryable<BlockedTime> Appointments,
        IQueryable<HeldTime> Holds)
    {
        public static Queries For(ConciergeDb db, Guid businessId, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
        {
            ArgumentNullException.ThrowIfNull(db);
            var (start, end, firstDate, lastDate) = SchedulePeriod.Of(zone, from, to);
            var nowUtc = now.UtcDateTime;

            var resources = db.Resources.AsNoTracking()
                .Where(r => r.BusinessId == businessId && r.Active)
                .Include(r => r.Services)
                .Include(r => r.Hours)
                .Include(r => r.Breaks)
                .OrderBy(r => r.Code)
                .AsSplitQuery();

            var overrides = db.ScheduleOverrides.AsNoTracking()
                .Where(o => o.BusinessId == businessId && o.Date >= firstDate && o.Date <= lastDate);

            var appointments = db.Appointments.AsNoTracking()
                .Where(a => a.BusinessId == businessId
                    && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Completed)
                    && a.BlockedStart < end && a.BlockedEnd > start)
                .Select(a => new BlockedTime(a.Id, a.ResourceId, a.BlockedStart, a.BlockedEnd));

            // Holds carry no business: they belong to it through their resource.
            var holds = db.SlotHolds.AsNoTracking()
                .Where(h => h.ExpiresAt > nowUtc && h.BlockedStart < end && h.BlockedEnd > start
                    && db.Resources.Any(r => r.Id == h.ResourceId && r.BusinessId == businessId && r.Active))
                .Select(h => new HeldTime(h.ResourceId, h.Holder, h.BlockedStart, h.BlockedEnd));

            return new Queries(resources, overrides, appointments, holds);
        }
    }
}
