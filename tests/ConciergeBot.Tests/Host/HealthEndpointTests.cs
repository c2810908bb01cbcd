using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConciergeBot.Tests.Host;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "concierge-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Health_reports_a_migrated_and_seeded_database_as_healthy()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.UseSetting("ConnectionStrings:Concierge", $"Data Source={Path.Combine(_folder, "new", "concierge.db")}"));
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(Path.Combine(_folder, "new", "concierge.db")));
    }

    [Fact]
    public async Task Health_reports_a_database_that_does_not_answer_as_unhealthy()
    {
        var path = Path.Combine(_folder, "broken.db");
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.UseSetting("ConnectionStrings:Concierge", $"Data Source={path}"));
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE \"Inbox\";";
            await drop.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
