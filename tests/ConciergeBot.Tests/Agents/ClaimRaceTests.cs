using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConciergeBot.Tests.Channels.DirectLine;

namespace ConciergeBot.Tests.Agents;

/// <summary>Two agents press Claim on the same conversation at the same moment, over HTTP against the running host.</summary>
public sealed class ClaimRaceTests : IAsyncDisposable
{
    private readonly DirectLineHost _host = new(TestAgents.HostSettings());

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Exactly_one_of_two_agents_claiming_at_once_gets_the_conversation()
    {
        await TestAgents.CreateAsync(_host.BaseAddress, "sari", "Sari");
        await TestAgents.CreateAsync(_host.BaseAddress, "andi", "Andi");
        using var sari = await TestAgents.SignInAsync(_host.BaseAddress, "sari");
        using var andi = await TestAgents.SignInAsync(_host.BaseAddress, "andi");
        foreach (var agent in new[] { sari, andi })
        {
            (await agent.PutAsJsonAsync("/api/agent/me/presence", new { presence = "available" })).EnsureSuccessStatusCode();
        }

        // A few rounds, each on its own conversation, so the two requests really meet more than once.
        for (var round = 1; round <= 3; round++)
        {
            var id = await WaitingCaseAsync(sari, $"race{round}");

            using var start = new Barrier(2);
            var claims = await Task.WhenAll(
                Task.Run(() => ClaimAsync(sari, id, start)),
                Task.Run(() => ClaimAsync(andi, id, start)));

            var statuses = claims.Select(c => c.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
            var winner = claims[0].StatusCode == HttpStatusCode.OK ? "sari" : "andi";
            var loser = claims.Single(c => c.StatusCode == HttpStatusCode.Conflict);
            Assert.Contains("Someone else has this conversation", await loser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var detail = await sari.GetFromJsonAsync<JsonObject>($"/api/agent/cases/{id}");
            Assert.Equal(winner, detail!["case"]!["agent"]!.GetValue<string>());
            Assert.Single(detail["transcript"]!.AsArray(), line => line!["kind"]?.GetValue<string>() == "claimed");
        }
    }

    private static async Task<HttpResponseMessage> ClaimAsync(HttpClient agent, string caseId, Barrier start)
    {
        start.SignalAndWait(TimeSpan.FromSeconds(10));
        return await agent.PostAsync($"/api/agent/cases/{caseId}/claim", null);
    }

    private async Task<string> WaitingCaseAsync(HttpClient agent, string clientId)
    {
        var (conversation, token, _) = await _host.StartAsync();
        await _host.PostAsync(conversation, token, DirectLineHost.Message("I want to talk to a person", clientId));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var queue = await agent.GetFromJsonAsync<JsonArray>("/api/agent/queue");
            if (queue!.FirstOrDefault(c => c!["conversationId"]!.GetValue<string>().EndsWith(conversation, StringComparison.Ordinal)) is { } waiting)
            {
                return waiting["id"]!.GetValue<string>();
            }

            Assert.True(DateTime.UtcNow < deadline, "The customer's conversation never reached the queue.");
            await Task.Delay(50);
        }
    }
}
