namespace ConciergeBot.Storage;

/// <summary>Fills a new database with what a first start needs (the business, demo data).</summary>
public interface IDatabaseSeeder
{
    Task SeedAsync(ConciergeDb db, CancellationToken cancellationToken);
}
