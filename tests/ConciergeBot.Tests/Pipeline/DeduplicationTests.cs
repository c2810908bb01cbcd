using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Tests.Pipeline;

public sealed class DeduplicationTests
{
    [Fact]
    public async Task A_redelivered_message_is_processed_once()
    {
        await using var bot = await BotHarness.StartAsync();

        var first = await bot.ReceiveAsync("c1", "halo", messageId: "wamid.1");
        var again = await bot.ReceiveAsync("c1", "halo", messageId: "wamid.1");

        Assert.Equal(InboundStatus.Accepted, first.Status);
        Assert.Equal(InboundStatus.Duplicate, again.Status);
        await bot.Channel.NextReplyAsync("c1");
        var menu = await bot.Channel.NextReplyAsync("c1");
        Assert.NotNull(menu.SuggestedActions);
        Assert.Null(await bot.Channel.ReplyWithinAsync("c1", TimeSpan.FromMilliseconds(300)));
        Assert.Equal(1, await bot.QueryAsync(db => db.Inbox.CountAsync()));
        Assert.Equal(2, await bot.QueryAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task The_same_message_id_on_another_channel_is_a_different_message()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.ReceiveAsync("c1", "halo", messageId: "42");
        var other = await bot.ReceiveAsync(new Activities.Activity
        {
            Id = "42",
            ChannelId = "other-channel",
            Conversation = new("c1"),
            From = new("someone"),
            Text = "halo",
        });

        Assert.Equal(InboundStatus.Accepted, other.Status);
        await bot.EventuallyAsync(async db => await db.Inbox.CountAsync(i => i.Status != InboxStatus.Pending) == 2);
    }

    [Fact]
    public async Task An_activity_without_ids_is_refused_before_it_is_stored()
    {
        await using var bot = await BotHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => bot.ReceiveAsync(new Activities.Activity { ChannelId = "test", Text = "hi" }));
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync()));
    }
}
