using ConciergeBot.Conversations;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>Appointments as answers: codes and names instead of ids, times in the business's offset.</summary>
internal static class AppointmentViews
{
    public static async Task<List<AppointmentResponse>> DescribeAsync(
        ConciergeDb db, ScheduleCatalog catalog, BusinessProfile business, IReadOnlyList<Appointment> appointments, bool withHistory, CancellationToken cancellationToken)
    {
        var customers = await BookingCustomers.DescribeAsync(db, appointments.Select(a => a.CustomerId), cancellationToken);
        return [.. appointments.Select(a => Describe(a, catalog, business, customers.GetValueOrDefault(a.CustomerId, ("?", null)), withHistory))];
    }

    public static async Task<AppointmentResponse> DescribeAsync(
        ConciergeDb db, ScheduleCatalog catalog, BusinessProfile business, Appointment appointment, CancellationToken cancellationToken) =>
        (await DescribeAsync(db, catalog, business, [appointment], withHistory: true, cancellationToken))[0];

    private static AppointmentResponse Describe(Appointment a, ScheduleCatalog catalog, BusinessProfile business, (string Name, string? Phone) customer, bool withHistory)
    {
        var zone = business.TimeZone;
        var service = catalog.ServiceOf(a.ServiceId);
        var resource = catalog.ResourceOf(a.ResourceId);
        return new AppointmentResponse(
            a.Reference,
            StatusNames.Of(a.Status),
            new CustomerSummary(a.CustomerId, customer.Name, customer.Phone),
            new CodeAndName(service.Code, service.NameIn(business.DefaultLanguage, business.DefaultLanguage)),
            new CodeAndName(resource.Code, resource.Name),
            BusinessTime.ToLocal(a.Start, zone),
            BusinessTime.ToLocal(a.End, zone),
            a.RescheduleCount,
            a.Notes,
            BusinessTime.ToLocal(a.CreatedAt, zone),
            BusinessTime.ToLocal(a.UpdatedAt, zone),
            withHistory ? [.. a.History.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => Describe(c, catalog, zone))] : null);
    }

    private static AppointmentChangeResponse Describe(AppointmentChange c, ScheduleCatalog catalog, TimeZoneInfo zone) => new(
        BusinessTime.ToLocal(c.At, zone),
        StatusNames.Of(c.Kind),
        c.Actor,
        c.Reason,
        c.FromStart is { } from ? BusinessTime.ToLocal(from, zone) : null,
        c.ToStart is { } to ? BusinessTime.ToLocal(to, zone) : null,
        catalog.ResourceCode(c.FromResourceId),
        catalog.ResourceCode(c.ToResourceId));
}
