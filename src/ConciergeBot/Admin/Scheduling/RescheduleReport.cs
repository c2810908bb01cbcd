using ConciergeBot.Conversations;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>Every move of an appointment in the period ("reschedule" changes, by the bot or by staff), newest last, with why.</summary>
public sealed record RescheduleReportResponse(DateTimeOffset From, DateTimeOffset To, int Total, IReadOnlyList<RescheduleEntry> Items);

public sealed record RescheduleEntry(
    string Reference,
    string CustomerName,
    CodeAndName Service,
    DateTimeOffset? FromStart,
    DateTimeOffset? ToStart,
    string? FromResource,
    string? ToResource,
    string Actor,
    string? Reason,
    DateTimeOffset At);

/// <summary><c>GET /api/admin/reschedules</c>: how often and why appointments move.</summary>
public static class RescheduleReport
{
    private const int DefaultDays = 30;

    public static RouteGroupBuilder MapRescheduleReport(this RouteGroupBuilder admin)
    {
        admin.MapGet("/reschedules", ReportAsync)
            .WithName("RescheduleReport")
            .WithTags("Reports")
            .WithSummary("Every reschedule made in the period (?from=, ?to=: times, or dates meaning whole days; by default the 30 days up to the end of today): who moved what, from when to when, and why.");
        return admin;
    }

    private static async Task<Results<Ok<RescheduleReportResponse>, ValidationProblem>> ReportAsync(
        string? from, string? to, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, TimeProvider clock, CancellationToken cancellationToken)
    {
        var business = businesses.Current;
        var zone = business.TimeZone;
        var errors = new ValidationErrors();
        if (!ReportPeriod.TryParse(from, to, zone, clock, DefaultDays, errors, out var start, out var end))
        {
            return errors.Problem();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var catalog = await ScheduleCatalog.LoadAsync(db, business.Id, cancellationToken);
        var moves = await (
                from change in db.AppointmentChanges.AsNoTracking()
                join appointment in db.Appointments.AsNoTracking() on change.AppointmentId equals appointment.Id
                join customer in db.Customers.AsNoTracking() on appointment.CustomerId equals customer.Id
                where change.Kind == AppointmentChangeKind.Rescheduled && change.At >= start && change.At < end && appointment.BusinessId == business.Id
                orderby change.At, change.Id
                select new { change, appointment.Reference, appointment.ServiceId, customer.DisplayName })
            .ToListAsync(cancellationToken);

        var items = moves.Select(m =>
        {
            var service = catalog.ServiceOf(m.ServiceId);
            return new RescheduleEntry(
                m.Reference,
                m.DisplayName,
                new CodeAndName(service.Code, service.NameIn(business.DefaultLanguage, business.DefaultLanguage)),
                m.change.FromStart is { } fromStart ? BusinessTime.ToLocal(fromStart, zone) : null,
                m.change.ToStart is { } toStart ? BusinessTime.ToLocal(toStart, zone) : null,
                catalog.ResourceCode(m.change.FromResourceId),
                catalog.ResourceCode(m.change.ToResourceId),
                m.change.Actor,
                m.change.Reason,
                BusinessTime.ToLocal(m.change.At, zone));
        }).ToList();
        return TypedResults.Ok(new RescheduleReportResponse(BusinessTime.ToLocal(start, zone), BusinessTime.ToLocal(end, zone), items.Count, items));
    }
}
