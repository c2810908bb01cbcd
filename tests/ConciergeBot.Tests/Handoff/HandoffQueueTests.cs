using ConciergeBot.Dialogs;
using ConciergeBot.Handoff;
using ConciergeBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Handoff;

/// <summary>The queue's rules: its order, what customers are told as it moves, honest waits, teams, and the claim race.</summary>
public sealed class HandoffQueueTests
{
    private const string Business = "Bengkel Maju Jaya";

    /// <summary>A customer asks for a person a second after the one before (on a frozen clock they would tie).</summary>
    private static Task QueueAsync(BotHarness bot, string conversation, string language = "en") =>
        new TestFlow(bot, conversation: conversation, user: $"user-{conversation}", locale: language)
            .Do(() => Tick(bot))
            .Send(language == "en" ? "I want to talk to a person" : "mau bicara dengan petugas")
            .AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, language, ("business", Business))
            .StartTestAsync();

    private static Task Tick(BotHarness bot)
    {
        bot.Clock.Advance(TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Customers_hear_their_place_and_an_update_when_it_improves_but_not_more_often_than_allowed()
    {
        await using var bot = await BotHarness.StartAsync();
        var sari = await bot.AgentAsync("sari", "Sari");
        await QueueAsync(bot, "first");
        await new TestFlow(bot, conversation: "second", user: "user-second", locale: "en")
            .Do(() => Tick(bot))
            .Send("I want to talk to a person")
            .AssertReplyContains(bot.Locales.Get("en", HandoffTexts.AheadOne))
            .StartTestAsync();
        await new TestFlow(bot, conversation: "third", user: "user-third", locale: "en")
            .Do(() => Tick(bot))
            .Send("I want to talk to a person")
            .AssertReplyContains(bot.Locales.Get("en", HandoffTexts.Ahead, ("count", "2")))
            .StartTestAsync();
        var notifier = bot.Services.GetRequiredService<QueuePositionNotifier>();

        // Within the update interval nothing is said, even though the first customer was taken.
        await bot.Desk().ClaimAsync((await bot.OpenCaseAsync("first")).Id, sari.Id, CancellationToken.None);
        bot.Clock.Advance(TimeSpan.FromSeconds(30));
        await notifier.TellPositionsAsync(CancellationToken.None);

        // Reaching the front is told at once; being one place closer waits for the interval.
        await new TestFlow(bot, conversation: "second", user: "user-second", locale: "en")
            .AssertReply(reply => Assert.StartsWith("Update: ", reply.Text, StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();
        Assert.Null(await bot.Channel.ReplyWithinAsync("third", TimeSpan.FromMilliseconds(200)));

        bot.Clock.Advance(TimeSpan.FromMinutes(2));
        await bot.Desk().HeartbeatAsync(sari.Id, CancellationToken.None); // Sari's console is still open
        await notifier.TellPositionsAsync(CancellationToken.None);
        await new TestFlow(bot, conversation: "third", user: "user-third", locale: "en")
            .AssertReply(HandoffTexts.Update, "en", ("position", bot.Locales.Get("en", HandoffTexts.AheadOne)))
            .StartTestAsync();

        // Nothing changed: nothing more is sent, however often the queue is looked at.
        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await notifier.TellPositionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_wait_is_estimated_from_recent_handling_times_and_online_agents_and_left_out_without_enough_history()
    {
        await using var bot = await BotHarness.StartAsync();
        var sari = await bot.AgentAsync("sari", "Sari", max: 1);
        await QueueAsync(bot, "busy");
        await bot.Desk().ClaimAsync((await bot.OpenCaseAsync("busy")).Id, sari.Id, CancellationToken.None);

        // Four handled conversations are too few to promise anything.
        await bot.HistoryAsync(4, TimeSpan.FromMinutes(10));
        await new TestFlow(bot, conversation: "few", user: "user-few", locale: "en")
            .Send("I want to talk to a person")
            .AssertReply(reply => Assert.DoesNotContain("wait is about", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        // With five, one agent holding one conversation at a time: two handling times ahead of the next customer.
        await bot.HistoryAsync(1, TimeSpan.FromMinutes(10));
        await new TestFlow(bot, conversation: "estimated", user: "user-estimated", locale: "en")
            .Do(() => Tick(bot))
            .Send("I want to talk to a person")
            .AssertReplyContains(bot.Locales.Get("en", HandoffTexts.AheadOne) + " " + bot.Locales.Get("en", HandoffTexts.Wait, ("minutes", "20")))
            .StartTestAsync();
    }

    [Fact]
    public async Task Conversations_are_routed_to_a_team_by_language_and_only_that_team_may_claim_them()
    {
        await using var bot = await BotHarness.StartAsync(settings: new() { ["Handoff:TeamByLanguage:en"] = "english" });
        var budi = await bot.AgentAsync("budi", "Budi", teams: "general");
        var kate = await bot.AgentAsync("kate", "Kate", teams: "english");
        await QueueAsync(bot, "english-speaker");
        var queued = await bot.OpenCaseAsync("english-speaker");
        Assert.Equal("english", queued.Team);

        Assert.Equal(DeskOutcome.NotYours, (await bot.Desk().ClaimAsync(queued.Id, budi.Id, CancellationToken.None)).Outcome);
        Assert.Equal(DeskOutcome.Done, (await bot.Desk().ClaimAsync(queued.Id, kate.Id, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Two_agents_can_never_claim_the_same_conversation()
    {
        await using var bot = await BotHarness.StartAsync();
        var agents = new List<Agent>();
        for (var i = 0; i < 8; i++)
        {
            agents.Add(await bot.AgentAsync($"agent{i}", $"Agent {i}"));
        }

        await QueueAsync(bot, "contested");
        var queued = await bot.OpenCaseAsync("contested");

        var results = await Task.WhenAll(agents.Select(a => Task.Run(() => bot.Desk().ClaimAsync(queued.Id, a.Id, CancellationToken.None))));

        Assert.Single(results, r => r.Outcome == DeskOutcome.Done);
        Assert.All(results.Where(r => r.Outcome != DeskOutcome.Done), r => Assert.Equal(DeskOutcome.NotAvailable, r.Outcome));
        var claimed = await bot.OpenCaseAsync("contested");
        Assert.Equal(HandoffStatus.Active, claimed.Status);
        Assert.Contains(agents, a => a.Id == claimed.AgentId);
    }

    [Fact]
    public async Task An_agent_at_the_limit_cannot_claim_more_and_a_transfer_to_a_team_keeps_the_place_in_time()
    {
        await using var bot = await BotHarness.StartAsync();
        var sari = await bot.AgentAsync("sari", "Sari", teams: "general", max: 1);
        var kate = await bot.AgentAsync("kate", "Kate", teams: "general,billing");
        await QueueAsync(bot, "one");
        await QueueAsync(bot, "two");
        var one = await bot.OpenCaseAsync("one");
        var two = await bot.OpenCaseAsync("two");

        Assert.Equal(DeskOutcome.Done, (await bot.Desk().ClaimAsync(one.Id, sari.Id, CancellationToken.None)).Outcome);
        Assert.Equal(DeskOutcome.AtCapacity, (await bot.Desk().ClaimAsync(two.Id, sari.Id, CancellationToken.None)).Outcome);

        Assert.Equal(DeskOutcome.Invalid, (await bot.Desk().TransferAsync(one.Id, sari.Id, "nobody-works-this", null, CancellationToken.None)).Outcome);
        Assert.Equal(DeskOutcome.Done, (await bot.Desk().TransferAsync(one.Id, sari.Id, "billing", null, CancellationToken.None)).Outcome);
        var moved = await bot.OpenCaseAsync("one");
        Assert.Equal((HandoffStatus.Waiting, "billing", (Guid?)null, one.QueuedAt), (moved.Status, moved.Team, moved.AgentId, moved.QueuedAt));

        // Handed straight to a named agent: they have it at once, within their limit.
        Assert.Equal(DeskOutcome.Done, (await bot.Desk().TransferAsync(two.Id, kate.Id, null, "sari", CancellationToken.None)).Outcome);
        Assert.Equal((HandoffStatus.Active, (Guid?)sari.Id), ((await bot.OpenCaseAsync("two")).Status, (await bot.OpenCaseAsync("two")).AgentId));
        Assert.Equal(DeskOutcome.Done, (await bot.Desk().ClaimAsync(one.Id, kate.Id, CancellationToken.None)).Outcome);
        Assert.Equal(DeskOutcome.AtCapacity, (await bot.Desk().TransferAsync(one.Id, kate.Id, null, "sari", CancellationToken.None)).Outcome);
    }
}
