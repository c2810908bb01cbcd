using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Demo;

/// <summary>On first start, the configured business and (optionally) the demo workshop's calendar and customers.</summary>
internal sealed partial class DemoBusinessSeeder(IOptions<BusinessOptions> options, TimeProvider clock, ILogger<DemoBusinessSeeder> logger) : IDatabaseSeeder
{
    public async Task SeedAsync(ConciergeDb db, CancellationToken cancellationToken)
    {
        if (await db.Businesses.AnyAsync(cancellationToken))
        {
            return;
        }

        var business = options.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(business.TimeZone);
        var businessId = Guid.NewGuid();
        db.Businesses.Add(new Business { Id = businessId, Name = business.Name, TimeZoneId = business.TimeZone, DefaultLanguage = business.DefaultLanguage });
        if (business.SeedDemoData)
        {
            var now = clock.GetUtcNow();
            var customers = DemoSchedule.Customers(now.UtcDateTime);
            db.Customers.AddRange(customers.Values);
            DemoSchedule.Seed(db, businessId, zone, now, customers);
        }

        await db.SaveChangesAsync(cancellationToken);
        LogSeeded(business.Name, business.TimeZone);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "New database: seeded the business {Business} ({TimeZone})")]
    private partial void LogSeeded(string business, string timeZone);
}
