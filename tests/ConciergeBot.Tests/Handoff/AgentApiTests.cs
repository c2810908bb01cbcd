using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConciergeBot.Admin;
using ConciergeBot.Agents;
using ConciergeBot.Tests.Agents;
using ConciergeBot.Tests.Channels;
using ConciergeBot.Tests.Channels.DirectLine;

namespace ConciergeBot.Tests.Handoff;

/// <summary>
/// The desk over HTTP against the running host: a customer on Direct Line asks for a person, agents
/// signed in with their own accounts (or a help desk with the admin key) work the conversation.
/// </summary>
public sealed class AgentApiTests : IAsyncLifetime
{
    private const string Password = TestAgents.Password;

    private readonly DirectLineHost _host = new(TestAgents.HostSettings());

    public async Task InitializeAsync()
    {
        await TestAgents.CreateAsync(_host.BaseAddress, "sari", "Sari", "supervisor");
        await TestAgents.CreateAsync(_host.BaseAddress, "andi", "Andi");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Nothing_of_the_desk_opens_without_signing_in()
    {
        using var anonymous = TestAgents.SignedOut(_host.BaseAddress);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/agent/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/agent/cases/" + Guid.NewGuid() + "/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/agent/hub/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/admin/agents", new { userName = "x", displayName = "X", password = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/agent/login", new { userName = "sari", password = "wrong password" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/agent/login", new { userName = "nobody", password = Password })).StatusCode);
    }

    [Fact]
    public async Task Accounts_need_a_real_password_and_never_show_its_hash()
    {
        using var admin = TestAgents.Admin(_host.BaseAddress);

        var weak = await admin.PostAsJsonAsync("/api/admin/agents", new { userName = "weak", displayName = "Weak", password = "short" });
        var twice = await admin.PostAsJsonAsync("/api/admin/agents", new { userName = "sari", displayName = "Sari", password = Password });
        var listed = await admin.GetStringAsync("/api/admin/agents");

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("\"sari\"", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", listed, StringComparison.Ordinal); // Identity's hash prefix
        Assert.DoesNotContain("password", listed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_agent_claims_replies_on_the_customers_channel_notes_and_hands_back_and_the_bot_answers_again()
    {
        var (conversation, token, _) = await _host.StartAsync();
        await _host.PostAsync(conversation, token, DirectLineHost.Message("I want to talk to a person", "c1"));
        using var sari = await TestAgents.SignInAsync(_host.BaseAddress, "sari");
        using var andi = await TestAgents.SignInAsync(_host.BaseAddress, "andi");

        var waiting = await Eventually.ReadAsync(async () => (await sari.GetFromJsonAsync<JsonArray>("/api/agent/queue"))!
            .FirstOrDefault(c => c!["conversationId"]!.GetValue<string>().EndsWith(conversation, StringComparison.Ordinal)));
        var id = waiting["id"]!.GetValue<string>();
        Assert.Equal("customer-asked", waiting["reason"]!.GetValue<string>());
        Assert.Contains("I want to talk to a person", waiting["summary"]!.GetValue<string>(), StringComparison.Ordinal);

        var whileAway = await sari.PostAsync($"/api/agent/cases/{id}/claim", null);
        Assert.Equal(HttpStatusCode.BadRequest, whileAway.StatusCode);
        Assert.Contains("available", await whileAway.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        (await sari.PutAsJsonAsync("/api/agent/me/presence", new { presence = "available" })).EnsureSuccessStatusCode();
        (await andi.PutAsJsonAsync("/api/agent/me/presence", new { presence = "available" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await sari.PostAsync($"/api/agent/cases/{id}/claim", null)).StatusCode);
        var late = await andi.PostAsync($"/api/agent/cases/{id}/claim", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await andi.PostAsJsonAsync($"/api/agent/cases/{id}/messages", new { text = "not mine" })).StatusCode);

        (await sari.PostAsJsonAsync($"/api/agent/cases/{id}/messages", new { text = "Hello, Sari here. What can I do?" })).EnsureSuccessStatusCode();
        (await sari.PostAsJsonAsync($"/api/agent/cases/{id}/notes", new { text = "Customer sounds in a hurry" })).EnsureSuccessStatusCode();
        var seen = await _host.PollUntilAsync(conversation, token, activities => activities.Any(a => a["text"]?.GetValue<string>() == "Hello, Sari here. What can I do?"));
        var reply = seen.Single(a => a["text"]?.GetValue<string>() == "Hello, Sari here. What can I do?");
        Assert.Equal(("Sari", "bot"), (reply["from"]!["name"]!.GetValue<string>(), reply["from"]!["role"]!.GetValue<string>()));
        Assert.DoesNotContain(seen, a => a["text"]?.GetValue<string>() == "Customer sounds in a hurry");

        await _host.PostAsync(conversation, token, DirectLineHost.Message("It is about my car's brakes", "c2"));
        var detail = await Eventually.ReadAsync(async () =>
        {
            var read = await sari.GetFromJsonAsync<JsonObject>($"/api/agent/cases/{id}");
            return read!["transcript"]!.AsArray().Any(l => l!["text"]?.GetValue<string>() == "It is about my car's brakes") ? read : null;
        });
        var lines = detail["transcript"]!.AsArray().Select(l => (From: l!["from"]!.GetValue<string>(), Text: l["text"]?.GetValue<string>())).ToList();
        Assert.Contains(("customer", "I want to talk to a person"), lines);
        Assert.Contains(("agent", "Hello, Sari here. What can I do?"), lines);
        Assert.Contains(("note", "Customer sounds in a hurry"), lines);
        Assert.Equal("active", detail["case"]!["status"]!.GetValue<string>());

        (await sari.PostAsync($"/api/agent/cases/{id}/hand-back", null)).EnsureSuccessStatusCode();
        await _host.PostAsync(conversation, token, DirectLineHost.Message("I'd like to reschedule", "c3"));
        await _host.PollUntilAsync(conversation, token, activities => activities.Any(a =>
            a["from"]?["role"]?.GetValue<string>() == "bot" && a["text"]?.GetValue<string>()?.Contains("booking reference", StringComparison.OrdinalIgnoreCase) == true));
    }

    [Fact]
    public async Task A_help_desk_acts_for_a_named_agent_with_the_admin_key()
    {
        var (conversation, token, _) = await _host.StartAsync();
        await _host.PostAsync(conversation, token, DirectLineHost.Message("I want to talk to a person", "h1"));
        using var desk = TestAgents.Admin(_host.BaseAddress);
        var waiting = await Eventually.ReadAsync(async () => (await desk.GetFromJsonAsync<JsonArray>("/api/agent/queue"))!
            .FirstOrDefault(c => c!["conversationId"]!.GetValue<string>().EndsWith(conversation, StringComparison.Ordinal)));
        var id = waiting["id"]!.GetValue<string>();

        var unnamed = await desk.PostAsync($"/api/agent/cases/{id}/claim", null);
        using var claim = new HttpRequestMessage(HttpMethod.Post, $"/api/agent/cases/{id}/claim");
        claim.Headers.Add(AgentAuthentication.ActingAgentHeader, "andi");
        var named = await desk.SendAsync(claim);

        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal("andi", (await named.Content.ReadFromJsonAsync<JsonObject>())!["agent"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_supervisors_see_the_desk_overview()
    {
        using var sari = await TestAgents.SignInAsync(_host.BaseAddress, "sari");
        using var andi = await TestAgents.SignInAsync(_host.BaseAddress, "andi");
        (await sari.PutAsJsonAsync("/api/agent/me/presence", new { presence = "available" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await andi.GetAsync("/api/agent/overview")).StatusCode);
        var overview = await sari.GetFromJsonAsync<JsonObject>("/api/agent/overview");
        Assert.True(overview!["figures"]!["staffed"]!.GetValue<bool>());
        var sariLoad = overview["agents"]!.AsArray().Single(a => a!["agent"]!["userName"]!.GetValue<string>() == "sari");
        Assert.True(sariLoad!["agent"]!["online"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_desk_and_how_to_sign_in()
    {
        var document = await TestAgents.SignedOut(_host.BaseAddress).GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/agent/cases/{id}/claim", document, StringComparison.Ordinal);
        Assert.Contains("/api/agent/cases/{id}/hand-back", document, StringComparison.Ordinal);
        Assert.Contains("/api/admin/agents", document, StringComparison.Ordinal);
        Assert.Contains("\"AgentCookie\"", document, StringComparison.Ordinal);
    }
}
