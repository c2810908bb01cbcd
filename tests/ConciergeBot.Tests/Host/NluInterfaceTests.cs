using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConciergeBot.Admin;
using ConciergeBot.Tests.Harness;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConciergeBot.Tests.Host;

/// <summary>The batch command and the operator endpoint of language understanding, as their users call them.</summary>
public sealed class NluInterfaceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_nlu_command_answers_each_line_in_order_and_a_bad_line_with_an_error()
    {
        const string input = """
            {"id": "a", "text": "bisa dipindah ke besok jam 3 sore?", "reference": "2026-11-23T10:00:00+07:00", "timeZone": "Asia/Jakarta"}
            this is not json
            {"id": "c", "text": "can we do next Tuesday afternoon instead?", "reference": "2026-11-23T10:00:00+07:00"}
            {"id": "d", "text": "halo", "timeZone": "Mars/Olympus"}
            """;

        var (code, output, _) = await HostProcess.RunAsync(["nlu"], input + "\n");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);

        var first = lines[0];
        Assert.Equal("a", first.GetProperty("id").GetString());
        Assert.Equal("id", first.GetProperty("language").GetString());
        Assert.Equal("reschedule", first.GetProperty("intent").GetString());
        var time = Assert.Single(first.GetProperty("times").EnumerateArray());
        Assert.Equal("besok jam 3 sore", time.GetProperty("text").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T15:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture), time.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(time.GetProperty("start").GetDateTimeOffset(), time.GetProperty("end").GetDateTimeOffset());

        Assert.True(lines[1].TryGetProperty("error", out _));

        var third = lines[2];
        Assert.Equal("en", third.GetProperty("language").GetString());
        var afternoon = Assert.Single(third.GetProperty("times").EnumerateArray());
        Assert.Equal("part_of_day", afternoon.GetProperty("grain").GetString());
        Assert.Equal(new DateTime(2026, 12, 1), afternoon.GetProperty("start").GetDateTimeOffset().Date);

        Assert.Equal("d", lines[3].GetProperty("id").GetString());
        Assert.Contains("Mars/Olympus", lines[3].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parse_endpoint_needs_the_admin_key_and_answers_like_the_command()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("ConnectionStrings:Concierge", $"Data Source={_folder.File("api.db")}")
            .UseSetting("Admin:ApiKey", "test-admin-key"));
        using var client = app.CreateClient();
        var body = new { id = "x", text = "next Friday at 10", reference = "2026-11-23T10:00:00+07:00" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/nlu/parse", body)).StatusCode);
        client.DefaultRequestHeaders.Add(AdminKeyAuthentication.Header, "wrong-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/nlu/parse", body)).StatusCode);

        client.DefaultRequestHeaders.Remove(AdminKeyAuthentication.Header);
        client.DefaultRequestHeaders.Add(AdminKeyAuthentication.Header, "test-admin-key");
        var response = await client.PostAsJsonAsync("/api/nlu/parse", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parsed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("x", parsed.GetProperty("id").GetString());
        var time = Assert.Single(parsed.GetProperty("times").EnumerateArray());
        Assert.Equal(DateTimeOffset.Parse("2026-12-04T10:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture), time.GetProperty("start").GetDateTimeOffset());

        var bad = await client.PostAsJsonAsync("/api/nlu/parse", new { id = "y" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    public void Dispose() => _folder.Dispose();
}
