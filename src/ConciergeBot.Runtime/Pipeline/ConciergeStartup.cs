using ConciergeBot.Conversations;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConciergeBot.Pipeline;

/// <summary>Runs before anything else starts: migrate, seed a new database, load the business.</summary>
internal sealed class ConciergeStartup(
    DatabaseInitializer database,
    IDbContextFactory<ConciergeDb> dbFactory,
    IServiceProvider services,
    BusinessDirectory businesses) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        foreach (var seeder in services.GetServices<IDatabaseSeeder>())
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await seeder.SeedAsync(db, cancellationToken);
        }

        await businesses.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
