using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ConciergeBot.Tests.Harness;

namespace ConciergeBot.Tests.Host;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Health_reports_a_migrated_and_seeded_database_as_healthy()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.UseSetting("ConnectionStrings:Concierge", $"Data Source={_folder.File("new", "concierge.db")}"));
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(_folder.File("new", "concierge.db")));
    }

    [Fact]
    public async Task Health_reports_a_database_that_does_not_answer_as_unhealthy()
    {
        var path = _folder.File("broken.db");
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

    public void Dispose() => _folder.Dispose();
}
