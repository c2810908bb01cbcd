using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Channels.DirectLine;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using static ConciergeBot.Tests.Channels.DirectLine.DirectLineHost;

namespace ConciergeBot.Tests.Channels.DirectLine;

/// <summary>
/// Direct Line's delivery is an append to the conversation's transcript, so a turn's replies go
/// there in the turn's own commit, unless an earlier message of the conversation is still waiting
/// in the outbox: then they wait behind it, and the dispatcher keeps the order.
/// </summary>
public sealed class TranscriptDeliveryTests
{
    [Fact]
    public async Task A_turns_replies_are_in_the_transcript_and_recorded_delivered_when_the_turn_commits()
    {
        await using var host = new DirectLineHost();
        var events = host.Services.GetRequiredService<PipelineEvents>();
        var committed = new List<TurnCommitted>();
        var delivered = new List<DeliveryFinished>();
        events.TurnCommitted += e => { lock (committed) { committed.Add(e); } };
        events.DeliveryFinished += e => { lock (delivered) { delivered.Add(e); } };
        var (conversation, token, _) = await host.StartAsync();

        var id = await host.PostAsync(conversation, token, Message("hello", "client-1"));
        var seen = await host.PollUntilAsync(conversation, token, s => s.Any(IsReplyTo(id)));

        var replies = seen.Where(IsReplyTo(id)).Select(a => a["id"]!.GetValue<string>()).ToList();
        var rows = await OutboxAsync(host, conversation);
        // The events follow the commit; a fast poll can see the transcript first.
        await WaitUntilAsync(() => Task.FromResult(Count(delivered) >= rows.Count));
        Assert.Equal(replies, rows.Select(r => r.ChannelMessageId));
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Delivered, 1), (r.Status, r.Attempts)));
        lock (committed)
        {
            lock (delivered)
            {
                var turn = Assert.Single(committed);
                Assert.Equal(rows.Select(r => r.Id), turn.OutboxIds);
                Assert.Equal(turn.OutboxIds, delivered.Where(d => d.Outcome == DeliveryOutcome.Delivered).Select(d => d.OutboxId));
            }
        }
    }

    [Fact]
    public async Task Replies_wait_behind_an_earlier_message_still_in_the_outbox_and_follow_it()
    {
        await using var host = new DirectLineHost();
        var (conversation, token, _) = await host.StartAsync();
        var first = await host.PostAsync(conversation, token, Message("hello", "client-1"));
        await host.PollUntilAsync(conversation, token, s => s.Any(IsReplyTo(first)));

        // A message from the desk whose delivery is waiting for a retry.
        var writer = host.Services.GetRequiredService<DatabaseWriter>();
        var key = ConversationKey.For(DirectLineTranscript.ChannelId, conversation);
        await writer.WriteAsync((connection, transaction) =>
        {
            var note = ProactiveMessages.Enqueue(connection, transaction, key, MessageFactory.Text("A note from the desk"), "en", host.Clock.GetUtcNow())!.Value;
            using var wait = Sql.Command(connection, transaction, """UPDATE "Outbox" SET "NextAttemptAt" = @next WHERE "Id" = @id""",
                ("@next", host.Clock.GetUtcNow().AddMinutes(1).UtcDateTime), ("@id", note));
            return wait.ExecuteNonQuery();
        }, CancellationToken.None);

        var second = await host.PostAsync(conversation, token, Message("hello again", "client-2"));
        await WaitUntilAsync(async () => (await OutboxAsync(host, conversation)).Count(r => r.Status == OutboxStatus.Pending) > 1);
        var waiting = await host.PollUntilAsync(conversation, token, s => s.Any(a => a["id"]!.GetValue<string>() == second));
        Assert.DoesNotContain(waiting, a => IsReplyTo(second)(a));

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var seen = await host.PollUntilAsync(conversation, token, s => s.Any(IsReplyTo(second)));

        var afterSecond = seen.SkipWhile(a => a["id"]!.GetValue<string>() != second).Skip(1).ToList();
        Assert.Equal("A note from the desk", afterSecond[0]["text"]!.GetValue<string>());
        Assert.All(afterSecond.Skip(1), a => Assert.Equal(second, a["replyToId"]?.GetValue<string>()));
        // The dispatcher records a delivery in a write of its own, after the transcript has it.
        await WaitUntilAsync(async () => (await OutboxAsync(host, conversation)).All(r => r.Status == OutboxStatus.Delivered));
    }

    [Fact]
    public async Task A_stream_gets_every_stored_activity_once_and_in_order_as_the_turns_commit()
    {
        await using var host = new DirectLineHost();
        var (conversation, token, streamUrl) = await host.StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);

        var streamed = new List<JsonObject>();
        foreach (var (text, client) in new[] { ("hello", "c1"), ("what are your opening hours?", "c2"), ("hello", "c3") })
        {
            var id = await host.PostAsync(conversation, token, Message(text, client));
            while (!streamed.Any(IsReplyTo(id)))
            {
                streamed.AddRange((await ReceiveActivitiesAsync(socket)).Where(a => a["type"]!.GetValue<string>() != "typing"));
            }
        }

        var stored = await host.PollUntilAsync(conversation, token, s => s.Count(a => a["from"]?["role"]?.GetValue<string>() == "bot") >= streamed.Count(a => a["from"]?["role"]?.GetValue<string>() == "bot"));
        while (streamed.Count < stored.Count)
        {
            streamed.AddRange((await ReceiveActivitiesAsync(socket)).Where(a => a["type"]!.GetValue<string>() != "typing"));
        }

        Assert.Equal(stored.Select(a => a["id"]!.GetValue<string>()), streamed.Select(a => a["id"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(n => DirectLineTranscript.ActivityId(conversation, n)), streamed.Select(a => a["id"]!.GetValue<string>()));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    private static int Count<T>(List<T> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static Func<JsonObject, bool> IsReplyTo(string id) =>
        a => a["from"]?["role"]?.GetValue<string>() == "bot" && a["replyToId"]?.GetValue<string>() == id;

    private static async Task<List<(long Id, OutboxStatus Status, int Attempts, string? ChannelMessageId)>> OutboxAsync(DirectLineHost host, string conversation)
    {
        await using var read = await host.Services.GetRequiredService<DatabaseConnections>().OpenAsync(CancellationToken.None);
        return read.Rows<(long, OutboxStatus, int, string?)>("""
            SELECT "Id", "Status", "Attempts", "ChannelMessageId" FROM "Outbox" WHERE "ConversationId" = @id ORDER BY "Id"
            """, r => (r.GetInt64(0), (OutboxStatus)r.GetInt32(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3)),
            ("@id", ConversationKey.For(DirectLineTranscript.ChannelId, conversation)));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(20);
        }
    }
}
