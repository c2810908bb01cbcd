using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Conversations;

/// <summary>The business this instance serves, read once at start (after migrations and seeding).</summary>
public sealed class BusinessDirectory(IDbContextFactory<ConciergeDb> dbFactory)
{
    private BusinessProfile? _current;

    public BusinessProfile Current => _current ?? throw new InvalidOperationException("The business has not been loaded; the host loads it at start.");

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var business = await db.Businesses.AsNoTracking().OrderBy(b => b.Name).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("No business is configured in the database.");
        _current = new BusinessProfile(business.Id, business.Name, TimeZoneInfo.FindSystemTimeZoneById(business.TimeZoneId), business.DefaultLanguage);
    }
}
