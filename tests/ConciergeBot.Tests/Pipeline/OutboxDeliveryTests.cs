using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Pipeline;

public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task A_delivery_that_fails_twice_and_then_succeeds_is_delivered_once()
    {
        await using var bot = await BotHarness.StartAsync(services => services.AddSingleton<ITurnHandler>(new CountingEchoHandler()));
        var failures = 0;
        bot.Channel.Fault = _ => Interlocked.Increment(ref failures) <= 2 ? DeliveryResult.Retry("503 from the channel") : null;

        await bot.ReceiveAsync("c1", "hello");
        await bot.EventuallyAsync(async db => await db.Outbox.AnyAsync(o => o.Attempts == 1));
        await bot.AdvanceAsync(TimeSpan.FromSeconds(3));
        await bot.EventuallyAsync(async db => await db.Outbox.AnyAsync(o => o.Attempts == 2));
        await bot.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("1: hello", (await bot.Channel.NextReplyAsync("c1")).Text);
        Assert.Null(await bot.Channel.ReplyWithinAsync("c1", TimeSpan.FromMilliseconds(300)));
        Assert.Equal(3, bot.Channel.Attempts.Count);
        var row = await bot.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.Equal(OutboxStatus.Delivered, row.Status);
        Assert.Equal(3, row.Attempts);
    }

    [Fact]
    public async Task A_later_reply_waits_for_an_earlier_one_that_is_being_retried()
    {
        await using var bot = await BotHarness.StartAsync(services => services.AddSingleton<ITurnHandler>(new CountingEchoHandler()));
        bot.Channel.Fault = o => o.Activity.Text == "1: first" && o.Attempt == 1 ? DeliveryResult.Retry("timeout") : null;

        await bot.ReceiveAsync("c1", "first");
        await bot.EventuallyAsync(async db => await db.Outbox.AnyAsync(o => o.Attempts == 1));
        await bot.ReceiveAsync("c1", "second");
        await bot.EventuallyAsync(async db => await db.Outbox.CountAsync() == 2);
        Assert.Null(await bot.Channel.ReplyWithinAsync("c1", TimeSpan.FromMilliseconds(300)));

        await bot.AdvanceAsync(TimeSpan.FromSeconds(3));
        Assert.Equal("1: first", (await bot.Channel.NextReplyAsync("c1")).Text);
        Assert.Equal("2: second", (await bot.Channel.NextReplyAsync("c1")).Text);
    }

    [Fact]
    public async Task A_permanent_failure_is_recorded_for_an_operator_and_not_retried()
    {
        await using var bot = await BotHarness.StartAsync(services => services.AddSingleton<ITurnHandler>(new CountingEchoHandler()));
        bot.Channel.Fault = _ => DeliveryResult.Failed("recipient blocked the bot");

        await bot.ReceiveAsync("c1", "hello");
        await bot.EventuallyAsync(async db => await db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Failed));
        await bot.AdvanceAsync(TimeSpan.FromMinutes(10));
        await Task.Delay(200);

        var row = await bot.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.Equal("recipient blocked the bot", row.LastError);
        Assert.Single(bot.Channel.Attempts);
    }

    [Fact]
    public async Task The_transcript_keeps_every_message_in_and_out_in_order()
    {
        await using var bot = await BotHarness.StartAsync(services => services.AddSingleton<ITurnHandler>(new CountingEchoHandler()));

        await bot.ReceiveAsync("c1", "one");
        await bot.Channel.NextReplyAsync("c1");
        await bot.ReceiveAsync("c1", "two");
        await bot.Channel.NextReplyAsync("c1");

        var transcript = await bot.Services.GetRequiredService<TranscriptReader>().ReadAsync("test:c1", CancellationToken.None);
        Assert.Equal(["one", "1: one", "two", "2: two"], transcript.Select(e => e.Activity.Text));
        Assert.Equal([TranscriptDirection.In, TranscriptDirection.Out, TranscriptDirection.In, TranscriptDirection.Out], transcript.Select(e => e.Direction));
        Assert.All(transcript.Where(e => e.Direction == TranscriptDirection.Out), e => Assert.Equal("bot", e.Activity.From!.Role));
    }
}
