using ConciergeBot.Conversations;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Admin.Scheduling;

/// <summary><c>/api/admin/services</c>: what customers can book, how long it takes and the buffers around it.</summary>
public static class ServiceEndpoints
{
    private const int MaxMinutes = 24 * 60;

    public static RouteGroupBuilder MapServices(this RouteGroupBuilder admin)
    {
        var services = admin.MapGroup("/services").WithTags("Services");
        services.MapGet("/", List).WithName("ListServices").WithSummary("Every service, by code; ?active=true for the bookable ones only.");
        services.MapGet("/{code}", Get).WithName("GetService").WithSummary("One service.");
        services.MapPost("/", Create).WithName("CreateService").WithSummary("Adds a service.");
        services.MapPut("/{code}", Update).WithName("UpdateService")
            .WithSummary("Replaces a service's names, duration, buffers and (when given) active flag; existing appointments keep their times.");
        services.MapDelete("/{code}", Deactivate).WithName("DeactivateService")
            .WithSummary("Deactivates a service: it is no longer offered; it is never deleted, its appointments keep it.");
        return admin;
    }

    private static async Task<Ok<List<ServiceResponse>>> List(bool? active, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var businessId = businesses.Current.Id;
        var query = db.Services.AsNoTracking().Where(s => s.BusinessId == businessId);
        if (active is { } wanted)
        {
            query = query.Where(s => s.Active == wanted);
        }

        var found = await query.OrderBy(s => s.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(found.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<ServiceResponse>, NotFoundProblem>> Get(
        string code, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await FindAsync(db, businesses.Current.Id, code, cancellationToken);
        return service is null ? NotFound(code) : TypedResults.Ok(ToResponse(service));
    }

    private static async Task<Results<Created<ServiceResponse>, ValidationProblem, ConflictProblem>> Create(
        ServiceRequest request, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        var business = businesses.Current;
        var errors = new ValidationErrors();
        errors.Code("code", request.Code);
        Validate(request, business.DefaultLanguage, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var code = request.Code!;
        if (await FindAsync(db, business.Id, code, cancellationToken) is not null)
        {
            return Taken(code);
        }

        var service = new Service { Id = Guid.NewGuid(), BusinessId = business.Id, Code = code };
        Apply(request, service);
        db.Services.Add(service);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            return Taken(code);
        }

        return TypedResults.Created($"/api/admin/services/{Uri.EscapeDataString(code)}", ToResponse(service));
    }

    private static async Task<Results<Ok<ServiceResponse>, ValidationProblem, NotFoundProblem>> Update(
        string code, ServiceRequest request, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        var business = businesses.Current;
        var errors = new ValidationErrors();
        if (request.Code is not null && request.Code != code)
        {
            errors.Add("code", "A service's code cannot change; leave it out or repeat the one in the address.");
        }

        Validate(request, business.DefaultLanguage, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await db.Services.FirstOrDefaultAsync(s => s.BusinessId == business.Id && s.Code == code, cancellationToken);
        if (service is null)
        {
            return NotFound(code);
        }

        Apply(request, service);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(service));
    }

    private static async Task<Results<NoContent, NotFoundProblem>> Deactivate(
        string code, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var businessId = businesses.Current.Id;
        var changed = await db.Services
            .Where(s => s.BusinessId == businessId && s.Code == code)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Active, false), cancellationToken);
        return changed == 0 ? NotFound(code) : TypedResults.NoContent();
    }

    private static void Validate(ServiceRequest request, string defaultLanguage, ValidationErrors errors)
    {
        if (request.Names is not { Count: > 0 } names)
        {
            errors.Add("names", $"Required: the name per language, at least \"{defaultLanguage}\".");
        }
        else
        {
            if (!names.ContainsKey(defaultLanguage))
            {
                errors.Add("names", $"Needs a name in the business's default language \"{defaultLanguage}\".");
            }

            foreach (var (language, name) in names)
            {
                errors.Text($"names.{language}", name, 200);
            }
        }

        errors.Range("durationMinutes", request.DurationMinutes, 1, MaxMinutes);
        errors.Range("bufferBeforeMinutes", request.BufferBeforeMinutes, 0, MaxMinutes, required: false);
        errors.Range("bufferAfterMinutes", request.BufferAfterMinutes, 0, MaxMinutes, required: false);
    }

    private static void Apply(ServiceRequest request, Service service)
    {
        service.Names = request.Names!.ToDictionary(n => n.Key, n => n.Value.Trim());
        service.DurationMinutes = request.DurationMinutes!.Value;
        service.BufferBeforeMinutes = request.BufferBeforeMinutes ?? 0;
        service.BufferAfterMinutes = request.BufferAfterMinutes ?? 0;
        service.Active = request.Active ?? service.Active;
    }

    private static Task<Service?> FindAsync(ConciergeDb db, Guid businessId, string code, CancellationToken cancellationToken) =>
        db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.BusinessId == businessId && s.Code == code, cancellationToken);

    private static ServiceResponse ToResponse(Service s) =>
        new(s.Code, s.Names, s.DurationMinutes, s.BufferBeforeMinutes, s.BufferAfterMinutes, s.Active);

    private static NotFoundProblem NotFound(string code) => AdminProblems.NotFound($"There is no service '{code}'.");

    private static ConflictProblem Taken(string code) => AdminProblems.Conflict("The code is taken.", $"There already is a service '{code}'.");
}
