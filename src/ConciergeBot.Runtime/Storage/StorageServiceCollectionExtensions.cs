using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

        services.AddPooledDbContextFactory<ConciergeDb>(options => options
            .UseSqlite(builder.ConnectionString)
            .AddInterceptors(new SqlitePragmas()));
        services.AddSingleton(new DatabaseWriteGate(serializeWriters: true));
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
