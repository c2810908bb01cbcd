using ConciergeBot.Admin.Scheduling;
using ConciergeBot.CheckIns;
using ConciergeBot.Conversations;
using ConciergeBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.CheckIns;

/// <summary>Scores in a group: how many, the average, and the share of 4s and 5s (the usual CSAT figure).</summary>
public sealed record Satisfaction(int Count, double? Average, double? SatisfiedPercent)
{
    public static Satisfaction Of(IReadOnlyCollection<int> scores) => scores.Count == 0
        ? new(0, null, null)
        : new(scores.Count, Math.Round(scores.Average(), 2), Math.Round(100.0 * scores.Count(s => s >= 4) / scores.Count, 1));
}

public sealed record SatisfactionGroup(string Code, string Name, Satisfaction Satisfaction);

/// <summary>What customers answered in the period: after visits (overall, per service, per resource) and after a person helped them.</summary>
public sealed record SatisfactionResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    Satisfaction Overall,
    IReadOnlyList<SatisfactionGroup> ByService,
    IReadOnlyList<SatisfactionGroup> ByResource,
    Satisfaction AfterHandoff);

/// <summary><c>GET /api/admin/satisfaction</c>: CSAT from the check-ins' scores.</summary>
public static class SatisfactionReport
{
    private const int DefaultDays = 30;

    public static RouteGroupBuilder MapSatisfactionReport(this RouteGroupBuilder admin)
    {
        admin.MapGet("/satisfaction", ReportAsync)
            .WithName("SatisfactionReport")
            .WithTags("Reports")
            .WithSummary("Customer satisfaction from the check-ins answered in the period (?from=, ?to=: times, or dates meaning whole days; by default the 30 days up to the end of today): count, average score (1-5) and the percentage of 4s and 5s, overall, per service and per resource, and after handoffs.");
        return admin;
    }

    private static async Task<Results<Ok<SatisfactionResponse>, ValidationProblem>> ReportAsync(
        string? from, string? to, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, TimeProvider clock, CancellationToken cancellationToken)
    {
        var business = businesses.Current;
        var errors = new ValidationErrors();
        if (!ReportPeriod.TryParse(from, to, business.TimeZone, clock, DefaultDays, errors, out var start, out var end))
        {
            return errors.Problem();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var answered = db.CheckIns.AsNoTracking().Where(c => c.Score != null && c.AnsweredAt >= start && c.AnsweredAt < end);
        var visits = await (
                from c in answered
                join a in db.Appointments.AsNoTracking() on c.AppointmentId equals a.Id
                where c.Kind == CheckInKind.Visit
                select new { Score = c.Score!.Value, a.ServiceId, a.ResourceId })
            .ToListAsync(cancellationToken);
        var afterHandoff = await answered.Where(c => c.Kind == CheckInKind.Handoff).Select(c => c.Score!.Value).ToListAsync(cancellationToken);
        var catalog = await ScheduleCatalog.LoadAsync(db, business.Id, cancellationToken);

        var byService = visits.GroupBy(v => v.ServiceId).Select(g =>
        {
            var service = catalog.ServiceOf(g.Key);
            return new SatisfactionGroup(service.Code, service.NameIn(business.DefaultLanguage, business.DefaultLanguage), Satisfaction.Of([.. g.Select(v => v.Score)]));
        });
        var byResource = visits.GroupBy(v => v.ResourceId).Select(g =>
        {
            var resource = catalog.ResourceOf(g.Key);
            return new SatisfactionGroup(resource.Code, resource.Name, Satisfaction.Of([.. g.Select(v => v.Score)]));
        });
        return TypedResults.Ok(new SatisfactionResponse(
            BusinessTime.ToLocal(start, business.TimeZone),
            BusinessTime.ToLocal(end, business.TimeZone),
            Satisfaction.Of([.. visits.Select(v => v.Score)]),
            [.. byService.OrderBy(g => g.Code, StringComparer.Ordinal)],
            [.. byResource.OrderBy(g => g.Code, StringComparer.Ordinal)],
            Satisfaction.Of(afterHandoff)));
    }
}
