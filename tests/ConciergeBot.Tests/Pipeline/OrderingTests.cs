using ConciergeBot.Pipeline;
using ConciergeBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Pipeline;

public sealed class OrderingTests
{
    [Fact]
    public async Task Messages_sent_to_one_conversation_at_the_same_moment_are_answered_in_order()
    {
        await using var bot = await BotHarness.StartAsync(services =>
            services.AddSingleton<ITurnHandler>(new CountingEchoHandler(_ => Task.Delay(Random.Shared.Next(0, 5)))));

        var sends = Enumerable.Range(1, 20).Select(i => bot.ReceiveAsync("c1", $"message {i}")).ToList();
        var accepted = await Task.WhenAll(sends);

        // Arrival order is the order the inbox stored them in.
        var byArrival = Enumerable.Range(1, 20).OrderBy(i => accepted[i - 1].InboxId).ToList();
        for (var turn = 1; turn <= 20; turn++)
        {
            var reply = await bot.Channel.NextReplyAsync("c1");
            Assert.Equal($"{turn}: message {byArrival[turn - 1]}", reply.Text);
        }
    }

    [Fact]
    public async Task A_slow_conversation_does_not_hold_up_another()
    {
        var slow = new TaskCompletionSource();
        await using var bot = await BotHarness.StartAsync(services =>
            services.AddSingleton<ITurnHandler>(new CountingEchoHandler(turn =>
                turn.Activity.Conversation!.Id == "slow" ? slow.Task : Task.CompletedTask)));

        await bot.ReceiveAsync("slow", "first");
        await bot.ReceiveAsync("quick", "hello");

        Assert.Equal("1: hello", (await bot.Channel.NextReplyAsync("quick")).Text);
        slow.SetResult();
        Assert.Equal("1: first", (await bot.Channel.NextReplyAsync("slow")).Text);
    }
}
