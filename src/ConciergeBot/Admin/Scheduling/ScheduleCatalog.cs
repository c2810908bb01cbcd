using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// The business's services and resources (with what each resource can perform), read once per request:
/// they are a few dozen rows, and answers and imports look them up by code and by id many times.
/// </summary>
internal sealed class ScheduleCatalog
{
    private readonly Dictionary<string, Service> _servicesByCode;
    private readonly Dictionary<Guid, Service> _servicesById;
    private readonly Dictionary<string, Resource> _resourcesByCode;
    private readonly Dictionary<Guid, Resource> _resourcesById;

    private ScheduleCatalog(List<Service> services, List<Resource> resources)
    {
        _servicesByCode = services.ToDictionary(s => s.Code, StringComparer.Ordinal);
        _servicesById = services.ToDictionary(s => s.Id);
        _resourcesByCode = resources.ToDictionary(r => r.Code, StringComparer.Ordinal);
        _resourcesById = resources.ToDictionary(r => r.Id);
    }

    public static async Task<ScheduleCatalog> LoadAsync(ConciergeDb db, Guid businessId, CancellationToken cancellationToken)
    {
        var services = await db.Services.AsNoTracking().Where(s => s.BusinessId == businessId).ToListAsync(cancellationToken);
        var resources = await db.Resources.AsNoTracking().Where(r => r.BusinessId == businessId).Include(r => r.Services).ToListAsync(cancellationToken);
        return new ScheduleCatalog(services, resources);
    }

    public Service? Service(string? code) => code is not null && _servicesByCode.TryGetValue(code, out var s) ? s : null;

    public Resource? Resource(string? code) => code is not null && _resourcesByCode.TryGetValue(code, out var r) ? r : null;

    public Service ServiceOf(Guid id) => _servicesById[id];

    public Resource ResourceOf(Guid id) => _resourcesById[id];

    public string? ResourceCode(Guid? id) => id is { } known && _resourcesById.TryGetValue(known, out var r) ? r.Code : null;

    /// <summary>
    /// The service and resource a booking names, when both exist and, for a booking that takes time
    /// (<paramref name="bookable"/>), are active and the resource performs the service; otherwise the
    /// problems are added under the given field names. Past records (completed, cancelled) may name
    /// what has since been retired.
    /// </summary>
    public (Service, Resource)? ForBooking(
        string? serviceCode, string? resourceCode, bool bookable, ValidationErrors errors, string serviceField = "service", string resourceField = "resource")
    {
        var service = Find(Service(serviceCode?.Trim()), serviceCode, "service", serviceField, errors);
        var resource = Find(Resource(resourceCode?.Trim()), resourceCode, "resource", resourceField, errors);
        if (service is null || resource is null || !bookable)
        {
            return service is null || resource is null ? null : (service, resource);
        }

        var ok = true;
        if (!service.Active)
        {
            errors.Add(serviceField, $"The service '{service.Code}' is not active.");
            ok = false;
        }

        if (!resource.Active)
        {
            errors.Add(resourceField, $"The resource '{resource.Code}' is not active.");
            ok = false;
        }
        else if (resource.Services.All(s => s.ServiceId != service.Id))
        {
            errors.Add(resourceField, $"The resource '{resource.Code}' does not perform the service '{service.Code}'.");
            ok = false;
        }

        return ok ? (service, resource) : null;
    }

    private static T? Find<T>(T? found, string? code, string what, string field, ValidationErrors errors)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(field, "Required.");
        }
        else if (found is null)
        {
            errors.Add(field, $"Unknown {what} '{code.Trim()}'.");
        }

        return found;
    }
}
