using ConciergeBot.Activities;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Pipeline;

/// <summary>Two instances on one database, as a deployment with several replicas runs.</summary>
public sealed class MultiInstanceTests
{
    [Fact]
    public async Task Two_instances_answer_one_conversation_once_per_message_and_in_order()
    {
        static void Echo(IServiceCollection services) =>
            services.AddSingleton<ITurnHandler>(new CountingEchoHandler(_ => Task.Delay(Random.Shared.Next(0, 3))));
        await using var a = await BotHarness.StartAsync(Echo, new() { ["Pipeline:InstanceId"] = "a" });
        await using var b = await BotHarness.StartAsync(Echo, new() { ["Pipeline:InstanceId"] = "b" }, sharedDatabase: a.DatabasePath);

        var deliveredInOrder = new System.Collections.Concurrent.ConcurrentQueue<string>();
        a.Channel.Fault = b.Channel.Fault = o =>
        {
            deliveredInOrder.Enqueue(o.Activity.Text!);
            return null;
        };

        // Each message reaches one instance (as a load balancer would send webhooks), both at once.
        var sends = Enumerable.Range(1, 30).Select(i => (i % 2 == 0 ? a : b).ReceiveAsync("c1", $"m{i}")).ToList();
        var accepted = await Task.WhenAll(sends);

        await a.EventuallyAsync(async db => await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Delivered) == 30, TimeSpan.FromSeconds(30));
        var byArrival = Enumerable.Range(1, 30).OrderBy(i => accepted[i - 1].InboxId).Select((i, turn) => $"{turn + 1}: m{i}").ToList();

        var replies = await a.QueryAsync(db => db.Outbox.OrderBy(o => o.Id).Select(o => o.ActivityJson).ToListAsync());
        Assert.Equal(byArrival, replies.Select(json => ActivityJson.Deserialize(json).Text));
        Assert.Equal(byArrival, deliveredInOrder);
        Assert.Equal(30, await a.QueryAsync(db => db.Inbox.CountAsync(i => i.Status == InboxStatus.Processed)));
        Assert.Equal(30, await a.QueryAsync(db => db.Conversations.Select(c => c.Version).SingleAsync()));
    }
}
