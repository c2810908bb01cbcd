using ConciergeBot.Customers;
using ConciergeBot.Scheduling;
using ConciergeBot.Scheduling.Booking;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Scheduling;

/// <summary>Appointments and customers for tests, on top of the demo workshop the harness seeds.</summary>
internal static class ScheduleFixtures
{
    public static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);

    private static int _nextPhone;

    /// <summary>A local Jakarta time in December 2026.</summary>
    public static DateTimeOffset Dec(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, Jakarta);

    public static async Task<AppointmentView> BookAsync(this BotHarness bot, string reference, string serviceCode, string resourceCode, DateTimeOffset start, string? phone = null, string? name = null, int rescheduleCount = 0)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<ConciergeDb>>().CreateDbContextAsync();
        var service = await db.Services.SingleAsync(s => s.Code == serviceCode);
        var resource = await db.Resources.SingleAsync(r => r.Code == resourceCode);
        var customerPhone = phone ?? "+62855" + Interlocked.Increment(ref _nextPhone).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Addresses.Any(a => a.Value == customerPhone));
        if (customer is null)
        {
            customer = new Customer
            {
                Id = Guid.NewGuid(),
                DisplayName = name ?? "Test " + reference,
                CreatedAt = start.UtcDateTime,
                Addresses = [new CustomerAddress { Kind = CustomerAddresses.Phone, Value = customerPhone }],
            };
            db.Customers.Add(customer);
        }

        var appointment = new Appointment
        {
            Id = Guid.NewGuid(),
            BusinessId = service.BusinessId,
            Reference = reference,
            CustomerId = customer.Id,
            ServiceId = service.Id,
            Status = AppointmentStatus.Booked,
            RescheduleCount = rescheduleCount,
        };
        appointment.Place(resource.Id, start.UtcDateTime, service);
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return (await bot.Services.GetRequiredService<AppointmentLookup>().GetAsync(appointment.Id, CancellationToken.None))!;
    }

    public static async Task<Guid> ResourceIdAsync(this BotHarness bot, string code) =>
        await bot.QueryAsync(db => db.Resources.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    public static Task<Appointment> AppointmentAsync(this BotHarness bot, string reference) =>
        bot.QueryAsync(db => db.Appointments.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Reference == reference));
}
