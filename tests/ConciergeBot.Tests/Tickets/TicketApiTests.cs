using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConciergeBot.Admin;
using ConciergeBot.Tests.Agents;
using ConciergeBot.Tests.Channels;
using ConciergeBot.Tests.Channels.DirectLine;

namespace ConciergeBot.Tests.Tickets;

/// <summary>
/// Tickets over HTTP against the running host: a customer reports a problem on Direct Line, staff
/// read it, record what they fixed, and the customer is told on their own channel and closes the loop.
/// </summary>
public sealed class TicketApiTests : IAsyncLifetime
{
    private readonly DirectLineHost _host = new(TestAgents.HostSettings());

    public Task InitializeAsync() => TestAgents.CreateAsync(_host.BaseAddress, "rina", "Rina");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Staff_record_the_fix_the_customer_is_told_on_their_channel_and_a_yes_confirms_it()
    {
        var (conversation, token, _) = await _host.StartAsync();
        await _host.PostAsync(conversation, token, DirectLineHost.Message("the technician never showed up yesterday", "p1"));
        using var admin = TestAgents.Admin(_host.BaseAddress);
        var ticket = await OpenTicketOfAsync(admin, conversation);
        var reference = ticket["reference"]!.GetValue<string>();
        Assert.Equal("no-show", ticket["category"]!.GetValue<string>());
        Assert.Equal("open", ticket["status"]!.GetValue<string>());
        await _host.PollUntilAsync(conversation, token, activities => BotSaid(activities, reference));

        var fixedIt = await admin.PostAsJsonAsync($"/api/admin/tickets/{reference}/actions", new { correctiveAction = "We have added a second technician on Saturdays.", status = "resolved" });
        Assert.Equal(HttpStatusCode.OK, fixedIt.StatusCode);
        Assert.Equal("resolved", (await fixedIt.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        var told = await _host.PollUntilAsync(conversation, token, activities => BotSaid(activities, "We have added a second technician on Saturdays.")
            && BotSaid(activities, "Is everything sorted now?"));
        var update = told.First(a => a["text"]?.GetValue<string>()?.Contains("second technician", StringComparison.Ordinal) == true);
        Assert.Equal("ticket_update", update["channelData"]!["template"]!["name"]!.GetValue<string>());
        Assert.Equal(reference, update["channelData"]!["template"]!["variables"]!["1"]!.GetValue<string>());
        var again = await admin.PostAsJsonAsync($"/api/admin/tickets/{reference}/actions", new { correctiveAction = "We have added a second technician on Saturdays." });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        await _host.PostAsync(conversation, token, DirectLineHost.Message("yes, thanks", "p2"));
        await _host.PollUntilAsync(conversation, token, activities => BotSaid(activities, "glad to hear it"));
        var history = await Eventually.ReadAsync(async () =>
        {
            var read = await admin.GetFromJsonAsync<JsonObject>($"/api/admin/tickets/{reference}");
            return read!["history"]!.AsArray().Any(h => h!["kind"]!.GetValue<string>() == "confirmed") ? read : null;
        });
        Assert.Equal("resolved", history["status"]!.GetValue<string>());
        var seen = await _host.PollUntilAsync(conversation, token, activities => BotSaid(activities, "glad to hear it"));
        Assert.Single(seen, a => a["from"]?["role"]?.GetValue<string>() == "bot" && a["text"]?.GetValue<string>()?.Contains("second technician", StringComparison.Ordinal) == true);
        Assert.Equal("We have added a second technician on Saturdays.", history["correctiveAction"]!.GetValue<string>());
    }

    [Fact]
    public async Task Agents_see_tickets_with_their_own_sign_in_and_nothing_opens_without_one()
    {
        var (conversation, token, _) = await _host.StartAsync();
        await _host.PostAsync(conversation, token, DirectLineHost.Message("the technician never showed up yesterday", "a1"));
        using var admin = TestAgents.Admin(_host.BaseAddress);
        var reference = (await OpenTicketOfAsync(admin, conversation))["reference"]!.GetValue<string>();
        using var anonymous = new HttpClient { BaseAddress = _host.BaseAddress };
        using var rina = await TestAgents.SignInAsync(_host.BaseAddress, "rina");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/agent/tickets/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/agent/tickets/{reference}/actions", new { note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rina.GetAsync("/api/agent/tickets/hotspots")).StatusCode);
        var noted = await rina.PostAsJsonAsync($"/api/agent/tickets/{reference}/actions", new { note = "Called the workshop; the technician was ill.", status = "in-progress" });
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        var read = await rina.GetFromJsonAsync<JsonObject>($"/api/agent/tickets/{reference}");
        Assert.Equal("in-progress", read!["status"]!.GetValue<string>());
        Assert.Contains(read["history"]!.AsArray(), h => h!["actor"]!.GetValue<string>() == "rina" && h["text"]!.GetValue<string>().Contains("technician was ill", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_updates_get_a_clear_answer_and_change_nothing()
    {
        var (conversation, token, _) = await _host.StartAsync();
        await _host.PostAsync(conversation, token, DirectLineHost.Message("the technician never showed up yesterday", "b1"));
        using var admin = TestAgents.Admin(_host.BaseAddress);
        var reference = (await OpenTicketOfAsync(admin, conversation))["reference"]!.GetValue<string>();

        var badStatus = await admin.PostAsJsonAsync($"/api/admin/tickets/{reference}/actions", new { status = "done" });
        var empty = await admin.PostAsJsonAsync($"/api/admin/tickets/{reference}/actions", new { });
        var unknown = await admin.PostAsJsonAsync("/api/admin/tickets/TKT-NOSUCH/actions", new { note = "x" });
        var badFilter = await admin.GetAsync("/api/admin/tickets?status=whatever");

        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("in-progress", await badStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        var read = await admin.GetFromJsonAsync<JsonObject>($"/api/admin/tickets/{reference}");
        Assert.Equal("open", read!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hot_spots_count_problems_by_category_and_week_for_the_owner()
    {
        foreach (var (text, id) in new[] { ("the technician never showed up yesterday", "h1"), ("you charged me twice on my invoice", "h2") })
        {
            var (conversation, token, _) = await _host.StartAsync();
            await _host.PostAsync(conversation, token, DirectLineHost.Message(text, id));
            using var reader = TestAgents.Admin(_host.BaseAddress);
            await OpenTicketOfAsync(reader, conversation);
        }

        using var admin = TestAgents.Admin(_host.BaseAddress);
        var to = _host.Clock.GetUtcNow().AddDays(1).ToString("O");
        var spots = await admin.GetFromJsonAsync<JsonObject>($"/api/admin/tickets/hotspots?to={Uri.EscapeDataString(to)}");
        var backwards = await admin.GetAsync($"/api/admin/tickets/hotspots?from={Uri.EscapeDataString(to)}&to=2026-01-01T00:00:00Z");

        var byCategory = spots!["byCategory"]!.AsArray().ToDictionary(c => c!["key"]!.GetValue<string>(), c => c!["tickets"]!.GetValue<int>());
        Assert.True(byCategory.GetValueOrDefault("no-show") >= 1);
        Assert.True(byCategory.GetValueOrDefault("billing") >= 1);
        Assert.Equal(byCategory.Values.Sum(), spots["total"]!.GetValue<int>());
        Assert.Contains(spots["byWeek"]!.AsArray(), w => w!["key"]!.GetValue<string>() == "2026-W49");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    private static bool BotSaid(List<JsonObject> activities, string part) => activities.Any(a =>
        a["from"]?["role"]?.GetValue<string>() == "bot" && a["text"]?.GetValue<string>()?.Contains(part, StringComparison.OrdinalIgnoreCase) == true);

    private static Task<JsonObject> OpenTicketOfAsync(HttpClient admin, string conversation) => Eventually.ReadAsync(async () =>
        (await admin.GetFromJsonAsync<JsonArray>("/api/admin/tickets"))!
            .FirstOrDefault(t => t!["conversationId"]!.GetValue<string>().EndsWith(conversation, StringComparison.Ordinal))?.AsObject());
}
