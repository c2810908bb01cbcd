using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Storage;

public static class StorageServiceCollectionExtensions
{
    public const string ConnectionStringName = "Concierge";
    public const string DefaultConnectionString = "Data Source=data/concierge.db";

    /// <summary>The database from the connection string named <c>Concierge</c>; an embedded SQLite file by default.</summary>
    public static IServiceCollection AddConciergeStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = DefaultConnectionString;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        void UseDatabase(DbContextOptionsBuilder options) => options.UseSqlite(builder.ConnectionString).AddInterceptors(new SqlitePragmas());

        var turnOptions = new DbContextOptionsBuilder<ConciergeDb>();
        UseDatabase(turnOptions);
        services.AddPooledDbContextFactory<ConciergeDb>(UseDatabase);
        services.AddSingleton(new TurnDbFactory(turnOptions.Options));
        // From a factory, so the container disposes it: its connections stay open until then.
        services.AddSingleton(_ => new DatabaseConnections(builder.ConnectionString));
        services.AddSingleton(sp => new DatabaseWriter(builder.ConnectionString, sp.GetRequiredService<ILogger<DatabaseWriter>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DatabaseInitializer(
            builder.DataSource, sp.GetRequiredService<IDbContextFactory<ConciergeDb>>(), sp.GetRequiredService<ILogger<DatabaseInitializer>>()));
        return services;
    }
}
