using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConciergeBot.CheckIns;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.CheckIns;

/// <summary>The host: Hangfire's dashboard behind the admin key, a completion through the admin API planning a check-in, CSAT from the answers.</summary>
public sealed class CheckInApiTests(AdminApiHost host) : IClassFixture<AdminApiHost>
{
    [Fact]
    public async Task The_Hangfire_dashboard_needs_the_admin_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.AnonymousClient().GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_signed_in_to_the_console_opens_the_dashboard_in_a_browser_and_an_agent_does_not()
    {
        using var supervisor = await SignedInAsync("dash-maya", "supervisor");
        using var agent = await SignedInAsync("dash-andi", "agent");

        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.GetAsync("/hangfire")).StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string userName, string role)
    {
        const string Password = "correct horse battery";
        (await host.Client.PostAsJsonAsync("/api/admin/agents", new { userName, displayName = userName, password = Password, role, teams = "general" })).EnsureSuccessStatusCode();
        var client = host.AnonymousClient();
        (await client.PostAsJsonAsync("/api/agent/login", new { userName, password = Password })).EnsureSuccessStatusCode();
        return client;
    }

    [Fact]
    public async Task Completing_through_the_admin_API_plans_a_check_in_after_the_delay_and_answers_count_in_satisfaction()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"));
        var bay = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var booked = await host.BookAsync(service.Code, bay.Code, "2026-12-01T07:00");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync($"/api/admin/appointments/{booked.Reference}/complete", null)).StatusCode);

        await host.Services.GetRequiredService<CheckInSweep>().RunAsync(CancellationToken.None);
        var rows = await host.Client.GetFromJsonAsync<JsonElement>($"/api/admin/check-ins?kind=visit&appointment={booked.Reference}");
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal("scheduled", row.GetProperty("status").GetString());
        // Completed at 09:00 (after its 08:00 end): asked three hours later.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(7)), row.GetProperty("dueAt").GetDateTimeOffset());

        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<ConciergeDb>>().CreateDbContextAsync())
        {
            var checkIn = await db.CheckIns.SingleAsync(c => c.Id == row.GetProperty("id").GetGuid());
            (checkIn.Status, checkIn.Score, checkIn.AnsweredAt) = (CheckInStatus.Answered, 4, host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        var report = await host.Client.GetFromJsonAsync<JsonElement>("/api/admin/satisfaction?from=2026-12-01&to=2026-12-01");
        var byService = report.GetProperty("byService").EnumerateArray().Single(g => g.GetProperty("code").GetString() == service.Code);
        Assert.Equal(1, byService.GetProperty("satisfaction").GetProperty("count").GetInt32());
        Assert.Equal(4, byService.GetProperty("satisfaction").GetProperty("average").GetDouble());
        Assert.Equal(100, byService.GetProperty("satisfaction").GetProperty("satisfiedPercent").GetDouble());
        Assert.Contains(report.GetProperty("byResource").EnumerateArray(), g => g.GetProperty("code").GetString() == bay.Code);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync("/api/admin/check-ins?status=lost")).StatusCode);
    }
}
