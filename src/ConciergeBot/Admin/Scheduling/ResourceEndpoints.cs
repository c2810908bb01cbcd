using ConciergeBot.Conversations;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Admin.Scheduling;

/// <summary><c>/api/admin/resources</c>: who or what an appointment takes, with what it performs and when it works.</summary>
public static class ResourceEndpoints
{
    public static RouteGroupBuilder MapResources(this RouteGroupBuilder admin)
    {
        var resources = admin.MapGroup("/resources").WithTags("Resources");
        resources.MapGet("/", List).WithName("ListResources").WithSummary("Every resource with its services, hours and breaks; ?active=true for the working ones only.");
        resources.MapGet("/{code}", Get).WithName("GetResource").WithSummary("One resource.");
        resources.MapPost("/", Create).WithName("CreateResource").WithSummary("Adds a resource.");
        resources.MapPut("/{code}", Update).WithName("UpdateResource")
            .WithSummary("Replaces a resource: name, kind, active, the services it performs, its weekly hours and breaks (each list as a whole).");
        resources.MapDelete("/{code}", Deactivate).WithName("DeactivateResource")
            .WithSummary("Deactivates a resource: no new bookings on it; its appointments stay.");
        return admin;
    }

    private static async Task<Ok<List<ResourceResponse>>> List(
        bool? active, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var businessId = businesses.Current.Id;
        var query = Full(db).Where(r => r.BusinessId == businessId);
        if (active is { } wanted)
        {
            query = query.Where(r => r.Active == wanted);
        }

        var found = await query.OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var serviceCodes = await ServiceCodesAsync(db, businessId, cancellationToken);
        return TypedResults.Ok(found.Select(r => ToResponse(r, serviceCodes)).ToList());
    }

    private static async Task<Results<Ok<ResourceResponse>, NotFoundProblem>> Get(
        string code, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var businessId = businesses.Current.Id;
        var resource = await Full(db).FirstOrDefaultAsync(r => r.BusinessId == businessId && r.Code == code, cancellationToken);
        return resource is null
            ? NotFound(code)
            : TypedResults.Ok(ToResponse(resource, await ServiceCodesAsync(db, businessId, cancellationToken)));
    }

    private static async Task<Results<Created<ResourceResponse>, ValidationProblem, ConflictProblem>> Create(
        ResourceRequest request, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        var businessId = businesses.Current.Id;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var serviceIds = await ServiceCodesAsync(db, businessId, cancellationToken);
        var errors = new ValidationErrors();
        errors.Code("code", request.Code);
        var parsed = Validate(request, serviceIds, errors);
        if (errors.Any || parsed is null)
        {
            return errors.Problem();
        }

        var code = request.Code!;
        if (await db.Resources.AnyAsync(r => r.BusinessId == businessId && r.Code == code, cancellationToken))
        {
            return Taken(code);
        }

        var resource = new Resource { Id = Guid.NewGuid(), BusinessId = businessId, Code = code, Name = "" };
        Apply(parsed, resource);
        db.Resources.Add(resource);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            return Taken(code);
        }

        return TypedResults.Created($"/api/admin/resources/{Uri.EscapeDataString(code)}", ToResponse(resource, serviceIds));
    }

    private static async Task<Results<Ok<ResourceResponse>, ValidationProblem, NotFoundProblem>> Update(
        string code, ResourceRequest request, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        var businessId = businesses.Current.Id;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var serviceIds = await ServiceCodesAsync(db, businessId, cancellationToken);
        var errors = new ValidationErrors();
        if (request.Code is not null && request.Code != code)
        {
            errors.Add("code", "A resource's code cannot change; leave it out or repeat the one in the address.");
        }

        var parsed = Validate(request, serviceIds, errors);
        if (errors.Any || parsed is null)
        {
            return errors.Problem();
        }

        var resource = await db.Resources
            .Include(r => r.Services).Include(r => r.Hours).Include(r => r.Breaks)
            .FirstOrDefaultAsync(r => r.BusinessId == businessId && r.Code == code, cancellationToken);
        if (resource is null)
        {
            return NotFound(code);
        }

        Apply(parsed, resource);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(resource, serviceIds));
    }

    private static async Task<Results<NoContent, NotFoundProblem>> Deactivate(
        string code, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var businessId = businesses.Current.Id;
        var changed = await db.Resources
            .Where(r => r.BusinessId == businessId && r.Code == code)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Active, false), cancellationToken);
        return changed == 0 ? NotFound(code) : TypedResults.NoContent();
    }

    private sealed record ValidResource(string Name, string Kind, bool? Active, HashSet<Guid> ServiceIds, List<WeeklyHours> Hours, List<WeeklyBreak> Breaks);

    private static ValidResource? Validate(ResourceRequest request, Dictionary<Guid, string> serviceCodes, ValidationErrors errors)
    {
        errors.Text("name", request.Name, 200);
        errors.Text("kind", request.Kind, 32, required: false);

        var byCode = serviceCodes.ToDictionary(s => s.Value, s => s.Key, StringComparer.Ordinal);
        var serviceIds = new HashSet<Guid>();
        foreach (var (code, i) in (request.Services ?? []).Select((c, i) => (c, i)))
        {
            if (code is not null && byCode.TryGetValue(code, out var id))
            {
                serviceIds.Add(id);
            }
            else
            {
                errors.Add($"services[{i}]", $"Unknown service '{code}'.");
            }
        }

        var hours = new List<WeeklyHours>();
        foreach (var (entry, i) in (request.Hours ?? []).Select((h, i) => (h, i)))
        {
            var field = $"hours[{i}]";
            if (entry is null)
            {
                errors.Add(field, "Required: {\"day\": \"monday\", \"opens\": \"08:00\", \"closes\": \"12:00\"}.");
                continue;
            }

            var day = Day(entry.Day, $"{field}.day", errors);
            var interval = Interval(entry.Opens, entry.Closes, $"{field}.opens", $"{field}.closes", errors);
            if (day is { } d && interval is var (opens, closes))
            {
                if (hours.Any(h => h.Day == d && h.Opens < closes && opens < h.Closes))
                {
                    errors.Add(field, $"Overlaps other hours on {BusinessTime.DayName(d)}.");
                }

                hours.Add(new WeeklyHours { Day = d, Opens = opens, Closes = closes });
            }
        }

        var breaks = new List<WeeklyBreak>();
        foreach (var (entry, i) in (request.Breaks ?? []).Select((b, i) => (b, i)))
        {
            var field = $"breaks[{i}]";
            if (entry is null)
            {
                errors.Add(field, "Required: {\"day\": null, \"start\": \"12:00\", \"end\": \"13:00\"}.");
                continue;
            }

            DayOfWeek? day = null;
            if (entry.Day is not null)
            {
                day = Day(entry.Day, $"{field}.day", errors);
                if (day is null)
                {
                    continue;
                }
            }

            if (Interval(entry.Start, entry.End, $"{field}.start", $"{field}.end", errors) is var (start, end))
            {
                breaks.Add(new WeeklyBreak { Day = day, Start = start, End = end });
            }
        }

        return errors.Any
            ? null
            : new ValidResource(request.Name!.Trim(), string.IsNullOrWhiteSpace(request.Kind) ? ResourceKinds.Staff : request.Kind.Trim(), request.Active, serviceIds, hours, breaks);
    }

    private static DayOfWeek? Day(string? text, string field, ValidationErrors errors)
    {
        if (BusinessTime.TryParseDay(text, out var day))
        {
            return day;
        }

        errors.Add(field, "A day of the week: monday … sunday.");
        return null;
    }

    private static (TimeOnly, TimeOnly)? Interval(string? from, string? to, string fromField, string toField, ValidationErrors errors)
    {
        var fromOk = BusinessTime.TryParseClock(from, out var start);
        var toOk = BusinessTime.TryParseClock(to, out var end);
        if (!fromOk)
        {
            errors.Add(fromField, "A time of day such as 08:00.");
        }

        if (!toOk)
        {
            errors.Add(toField, "A time of day such as 17:00.");
        }

        if (fromOk && toOk && end <= start)
        {
            errors.Add(toField, "Must be after the start (intervals do not cross midnight).");
            return null;
        }

        return fromOk && toOk ? (start, end) : null;
    }

    private static void Apply(ValidResource valid, Resource resource)
    {
        resource.Name = valid.Name;
        resource.Kind = valid.Kind;
        resource.Active = valid.Active ?? resource.Active;

        // Rows for services it keeps stay as they are; only the difference is written.
        resource.Services.RemoveAll(s => !valid.ServiceIds.Contains(s.ServiceId));
        foreach (var serviceId in valid.ServiceIds.Where(id => resource.Services.All(s => s.ServiceId != id)))
        {
            resource.Services.Add(new ResourceService { ResourceId = resource.Id, ServiceId = serviceId });
        }

        resource.Hours.Clear();
        resource.Hours.AddRange(valid.Hours);
        resource.Breaks.Clear();
        resource.Breaks.AddRange(valid.Breaks);
    }

    private static IQueryable<Resource> Full(ConciergeDb db) =>
        db.Resources.AsNoTracking().Include(r => r.Services).Include(r => r.Hours).Include(r => r.Breaks).AsSplitQuery();

    private static async Task<Dictionary<Guid, string>> ServiceCodesAsync(ConciergeDb db, Guid businessId, CancellationToken cancellationToken) =>
        await db.Services.AsNoTracking().Where(s => s.BusinessId == businessId).ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);

    private static ResourceResponse ToResponse(Resource r, Dictionary<Guid, string> serviceCodes) => new(
        r.Code,
        r.Name,
        r.Kind,
        r.Active,
        [.. r.Services.Select(s => serviceCodes[s.ServiceId]).Order(StringComparer.Ordinal)],
        [.. r.Hours.OrderBy(h => Monday(h.Day)).ThenBy(h => h.Opens).Select(h => new OpeningHours(BusinessTime.DayName(h.Day), BusinessTime.Clock(h.Opens), BusinessTime.Clock(h.Closes)))],
        [.. r.Breaks.OrderBy(b => b.Day is { } d ? Monday(d) : -1).ThenBy(b => b.Start)
            .Select(b => new BreakTime(BusinessTime.Clock(b.Start), BusinessTime.Clock(b.End), b.Day is { } d ? BusinessTime.DayName(d) : null))]);

    /// <summary>Lists read Monday to Sunday, as a business's week does.</summary>
    private static int Monday(DayOfWeek day) => ((int)day + 6) % 7;

    private static NotFoundProblem NotFound(string code) => AdminProblems.NotFound($"There is no resource '{code}'.");

    private static ConflictProblem Taken(string code) => AdminProblems.Conflict("The code is taken.", $"There already is a resource '{code}'.");
}
