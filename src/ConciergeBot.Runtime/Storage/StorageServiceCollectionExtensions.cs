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
        EnsureFolderExists(builder.DataSource);

        var options = new DbContextOptionsBuilder<ConciergeDb>()
            .UseSqlite(builder.ConnectionString)
            .AddInterceptors(new SqlitePragmas())
            .Options;
        services.AddPooledDbContextFactory<ConciergeDb>(o => o
            .UseSqlite(builder.ConnectionString)
            .AddInterceptors(new SqlitePragmas()));
        services.AddSingleton(new TurnDbFactory(options));
        services.AddSingleton(new DatabaseConnections(builder.ConnectionString));
        services.AddSingleton(sp => new DatabaseWriter(builder.ConnectionString, sp.GetRequiredService<ILogger<DatabaseWriter>>()));
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    private static void EnsureFolderExists(string dataSource)
    {
        if (dataSource is "" or ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
