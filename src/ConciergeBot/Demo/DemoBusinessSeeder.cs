using ConciergeBot.Customers;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Demo;

/// <summary>On first start, the configured business and (optionally) two demo customers, one per language.</summary>
internal sealed partial class DemoBusinessSeeder(IOptions<BusinessOptions> options, TimeProvider clock, ILogger<DemoBusinessSeeder> logger) : IDatabaseSeeder
{
    public async Task SeedAsync(ConciergeDb db, CancellationToken cancellationToken)
    {
        if (await db.Businesses.AnyAsync(cancellationToken))
        {
            return;
        }

        var business = options.Value;
        TimeZoneInfo.FindSystemTimeZoneById(business.TimeZone);
        db.Businesses.Add(new Business { Id = Guid.NewGuid(), Name = business.Name, TimeZoneId = business.TimeZone, DefaultLanguage = business.DefaultLanguage });
        if (business.SeedDemoCustomers)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.Customers.Add(Customer("Budi Santoso", "id", "+6281234567890", now));
            db.Customers.Add(Customer("Sarah Tan", "en", "+6281298765432", now));
        }

        await db.SaveChangesAsync(cancellationToken);
        LogSeeded(business.Name, business.TimeZone);
    }

    private static Customer Customer(string name, string language, string phone, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        DisplayName = name,
        PreferredLanguage = language,
        CreatedAt = now,
        Addresses = [new CustomerAddress { Kind = CustomerAddresses.Phone, Value = phone }],
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "New database: seeded the business {Business} ({TimeZone})")]
    private partial void LogSeeded(string business, string timeZone);
}
