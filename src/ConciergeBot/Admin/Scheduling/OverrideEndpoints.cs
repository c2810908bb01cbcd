using ConciergeBot.Conversations;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Admin.Scheduling;

/// <summary><c>/api/admin/overrides</c>: holidays, closed days and extra hours, for the business or one resource.</summary>
public static class OverrideEndpoints
{
    private const int DefaultDays = 31;
    private const int MaxDays = 366;

    public static RouteGroupBuilder MapOverrides(this RouteGroupBuilder admin)
    {
        var overrides = admin.MapGroup("/overrides").WithTags("Schedule overrides");
        overrides.MapGet("/", List).WithName("ListOverrides")
            .WithSummary("Overrides from ?from= to ?to= (dates, both included; by default the next 31 days); ?resource= for those that apply to one resource (its own and the business's).");
        overrides.MapPost("/", Create).WithName("CreateOverride")
            .WithSummary("Adds an override: a closed day (no hours) or other hours, for the business or one resource. Appointments already booked that day stay.");
        overrides.MapDelete("/{id:long}", Delete).WithName("DeleteOverride").WithSummary("Removes an override; the weekly hours apply again.");
        return admin;
    }

    private static async Task<Results<Ok<List<OverrideResponse>>, ValidationProblem>> List(
        DateOnly? from, DateOnly? to, string? resource, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, TimeProvider clock, CancellationToken cancellationToken)
    {
        var business = businesses.Current;
        var first = from ?? BusinessTime.Today(clock, business.TimeZone);
        var last = to ?? first.AddDays(DefaultDays - 1);
        var errors = new ValidationErrors();
        if (last < first)
        {
            errors.Add("to", "Must not be before 'from'.");
        }
        else if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            errors.Add("to", $"At most {MaxDays} days at a time.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var catalog = await ScheduleCatalog.LoadAsync(db, business.Id, cancellationToken);
        var only = catalog.Resource(resource);
        if (resource is not null && only is null)
        {
            errors.Add("resource", $"Unknown resource '{resource}'.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var query = db.ScheduleOverrides.AsNoTracking().Where(o => o.BusinessId == business.Id && o.Date >= first && o.Date <= last);
        if (only is not null)
        {
            query = query.Where(o => o.ResourceId == null || o.ResourceId == only.Id);
        }

        var found = await query.OrderBy(o => o.Date).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(found.Select(o => ToResponse(o, catalog)).ToList());
    }

    private static async Task<Results<Created<OverrideResponse>, ValidationProblem>> Create(
        OverrideRequest request, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        var businessId = businesses.Current.Id;
        var errors = new ValidationErrors();
        if (!BusinessTime.TryParseDate(request.Date, out var date))
        {
            errors.Add("date", "A date such as 2026-12-25.");
        }

        TimeOnly? opens = null, closes = null;
        if (request.Opens is not null || request.Closes is not null)
        {
            if (BusinessTime.TryParseClock(request.Opens, out var o))
            {
                opens = o;
            }
            else
            {
                errors.Add("opens", "A time of day such as 08:00; leave out both opens and closes for a closed day.");
            }

            if (BusinessTime.TryParseClock(request.Closes, out var c))
            {
                closes = c;
            }
            else
            {
                errors.Add("closes", "A time of day such as 17:00; leave out both opens and closes for a closed day.");
            }

            if (opens is { } start && closes is { } end && end <= start)
            {
                errors.Add("closes", "Must be after 'opens'.");
            }
        }

        errors.Text("reason", request.Reason, 200, required: false);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var catalog = await ScheduleCatalog.LoadAsync(db, businessId, cancellationToken);
        var resource = catalog.Resource(request.Resource);
        if (request.Resource is not null && resource is null)
        {
            errors.Add("resource", $"Unknown resource '{request.Resource}'.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var row = new ScheduleOverride
        {
            BusinessId = businessId,
            ResourceId = resource?.Id,
            Date = date,
            Opens = opens,
            Closes = closes,
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
        };
        db.ScheduleOverrides.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/overrides/{row.Id}", ToResponse(row, catalog));
    }

    private static async Task<Results<NoContent, NotFoundProblem>> Delete(
        long id, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var businessId = businesses.Current.Id;
        var deleted = await db.ScheduleOverrides.Where(o => o.BusinessId == businessId && o.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? AdminProblems.NotFound($"There is no override {id}.") : TypedResults.NoContent();
    }

    private static OverrideResponse ToResponse(ScheduleOverride o, ScheduleCatalog catalog) => new(
        o.Id,
        o.Date,
        catalog.ResourceCode(o.ResourceId),
        o.IsClosed,
        o.IsClosed ? null : BusinessTime.Clock(o.Opens!.Value),
        o.IsClosed ? null : BusinessTime.Clock(o.Closes!.Value),
        o.Reason);
}
