using ConciergeBot.Dialogs;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Pipeline;

public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task A_crash_after_the_inbox_write_and_before_the_commit_leads_to_exactly_one_turn_after_restart()
    {
        await using var bot = await BotHarness.StartAsync(Handlers.Around(real => new GatedHandler(real)));
        var hung = (GatedHandler)bot.Services.GetRequiredService<ITurnHandler>();

        await bot.ReceiveAsync("c1", "halo", messageId: "m1");
        await hung.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The process dies in the middle of the turn: nothing of it may be committed.
        await bot.StopHostAsync();
        await using (var db = new ConciergeDb(new DbContextOptionsBuilder<ConciergeDb>().UseSqlite($"Data Source={bot.DatabasePath}").Options))
        {
            Assert.Equal(InboxStatus.Pending, (await db.Inbox.SingleAsync()).Status);
            Assert.Equal(0, await db.Outbox.CountAsync());
        }

        await bot.RestartAsync(_ => { });

        var greeting = await bot.Channel.NextReplyAsync("c1");
        Assert.Equal(bot.Locales.Get("id", DialogTexts.Greeting, ("business", "Bengkel Maju Jaya")), greeting.Text);
        await bot.Channel.NextReplyAsync("c1");
        Assert.Null(await bot.Channel.ReplyWithinAsync("c1", TimeSpan.FromMilliseconds(300)));
        Assert.Equal(InboxStatus.Processed, await bot.QueryAsync(db => db.Inbox.Select(i => i.Status).SingleAsync()));
        Assert.Equal(2, await bot.QueryAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(1, await bot.QueryAsync(db => db.Conversations.Select(c => c.Version).SingleAsync()));
    }

    [Fact]
    public async Task Undelivered_replies_are_delivered_after_a_restart()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Channel.Fault = _ => DeliveryResult.Retry("channel down");

        await bot.ReceiveAsync("c1", "halo");
        await bot.EventuallyAsync(async db => await db.Outbox.AnyAsync(o => o.Attempts > 0));

        bot.Channel.Fault = null;
        await bot.RestartAsync();
        await bot.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(bot.Locales.Get("id", DialogTexts.Greeting, ("business", "Bengkel Maju Jaya")), (await bot.Channel.NextReplyAsync("c1")).Text);
        Assert.NotNull((await bot.Channel.NextReplyAsync("c1")).SuggestedActions);
        await bot.EventuallyAsync(async db => await db.Outbox.AllAsync(o => o.Status == OutboxStatus.Delivered));
    }

    [Fact]
    public async Task A_turn_that_throws_is_retried_and_answered_once()
    {
        await using var bot = await BotHarness.StartAsync(Handlers.Around(real => new FlakyHandler(real, failures: 1)));
        var flaky = (FlakyHandler)bot.Services.GetRequiredService<ITurnHandler>();

        await bot.ReceiveAsync("c1", "halo");
        await bot.EventuallyAsync(async db => await db.Inbox.AnyAsync(i => i.Attempts == 1));
        await bot.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Contains("Halo", (await bot.Channel.NextReplyAsync("c1")).Text, StringComparison.Ordinal);
        await bot.Channel.NextReplyAsync("c1");
        Assert.Null(await bot.Channel.ReplyWithinAsync("c1", TimeSpan.FromMilliseconds(300)));
        Assert.Equal(2, flaky.Calls);
    }

    [Fact]
    public async Task A_message_that_always_fails_is_marked_failed_the_customer_is_told_and_later_messages_go_on()
    {
        await using var bot = await BotHarness.StartAsync(
            Handlers.Around(real => new FlakyHandler(real, failures: 3)),
            new() { ["Pipeline:MaxTurnAttempts"] = "3" });

        await bot.ReceiveAsync("c1", "halo");
        for (var attempt = 1; attempt < 3; attempt++)
        {
            var seen = attempt;
            await bot.EventuallyAsync(async db => await db.Inbox.AnyAsync(i => i.Attempts == seen));
            await bot.AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(bot.Locales.Get("id", ConciergeBot.Localization.RuntimeTexts.TurnFailed), (await bot.Channel.NextReplyAsync("c1")).Text);
        var failed = await bot.QueryAsync(db => db.Inbox.SingleAsync());
        Assert.Equal(InboxStatus.Failed, failed.Status);
        Assert.Contains("A bug in a dialog.", failed.LastError, StringComparison.Ordinal);

        await bot.ReceiveAsync("c1", "halo");
        Assert.Contains("Halo", (await bot.Channel.NextReplyAsync("c1")).Text, StringComparison.Ordinal);
    }
}
