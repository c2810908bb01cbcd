using System.Globalization;
using ConciergeBot.Conversations;
using ConciergeBot.Storage;
using ConciergeBot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Tickets;

public sealed record Count(string Key, int Tickets);

/// <param name="Recurring">Category and resource pairs reported more than once in the period: what keeps going wrong where.</param>
/// <param name="RepeatCustomers">Customers who reported more than one problem in the period.</param>
public sealed record HotSpots(
    DateTimeOffset From,
    DateTimeOffset To,
    int Total,
    IReadOnlyList<Count> ByCategory,
    IReadOnlyList<Count> ByService,
    IReadOnlyList<Count> ByResource,
    IReadOnlyList<Count> ByWeek,
    IReadOnlyList<Count> Recurring,
    int RepeatCustomers,
    int Reopened);

/// <summary>Where problems cluster, for the business owner: per category, service, resource and ISO week (in the business's time zone), and what recurs.</summary>
public sealed class TicketHotSpots(IDbContextFactory<ConciergeDb> dbs, BusinessDirectory businesses)
{
    public async Task<HotSpots> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var start = from.UtcDateTime;
        var end = to.UtcDateTime;
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.CreatedAt >= start && t.CreatedAt < end)
            .Select(t => new { t.Category, t.ServiceId, t.ResourceId, t.CustomerId, t.CreatedAt, t.Reopened })
            .ToListAsync(ct);
        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var resources = await db.Resources.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        var zone = businesses.Current.TimeZone;

        static List<Count> Counted(IEnumerable<string> keys) =>
            [.. keys.GroupBy(k => k).Select(g => new Count(g.Key, g.Count())).OrderByDescending(c => c.Tickets).ThenBy(c => c.Key, StringComparer.Ordinal)];

        string Week(DateTime created)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(created, zone);
            return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}");
        }

        return new HotSpots(
            from,
            to,
            tickets.Count,
            Counted(tickets.Select(t => t.Category)),
            Counted(tickets.Where(t => t.ServiceId is not null).Select(t => services.GetValueOrDefault(t.ServiceId!.Value, "?"))),
            Counted(tickets.Where(t => t.ResourceId is not null).Select(t => resources.GetValueOrDefault(t.ResourceId!.Value, "?"))),
            [.. Counted(tickets.Select(t => Week(t.CreatedAt))).OrderBy(c => c.Key, StringComparer.Ordinal)],
            [.. Counted(tickets.Where(t => t.ResourceId is not null).Select(t => $"{t.Category} @ {resources.GetValueOrDefault(t.ResourceId!.Value, "?")}")).Where(c => c.Tickets > 1)],
            tickets.Where(t => t.CustomerId is not null).GroupBy(t => t.CustomerId).Count(g => g.Count() > 1),
            tickets.Count(t => t.Reopened > 0));
    }
}
