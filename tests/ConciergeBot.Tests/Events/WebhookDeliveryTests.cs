using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ConciergeBot.Events;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Tests.Events;

public sealed class WebhookDeliveryTests
{
    /// <summary>Long enough for a dispatcher that would post to have posted: for what must not happen.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task A_delivered_event_carries_the_envelope_and_a_signature_the_receiver_can_verify()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var bot = await BotHarness.StartAsync(settings: EventTestBot.Webhooks(receiver));

        var added = await bot.AddEventAsync("BMJ-4821");
        await bot.EventuallyEventAsync(added.EventId, e => e.Status == BusinessEventStatus.Delivered);

        var request = Assert.Single(receiver.Received);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("appointment.rescheduled", request.Headers["X-Concierge-Event"]);
        Assert.Equal(added.EventId.ToString(), request.Headers["X-Concierge-Event-Id"]);
        var timestamp = request.Headers["X-Concierge-Timestamp"];
        Assert.Equal(bot.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), timestamp);
        Assert.Equal(Sign(EventTestBot.Secret, timestamp, request.Body), request.Headers["X-Concierge-Signature"]);
        Assert.NotEqual(Sign("another-secret-0123456789", timestamp, request.Body), request.Headers["X-Concierge-Signature"]);

        var envelope = request.Json;
        Assert.Equal(added.EventId.ToString(), envelope.GetProperty("id").GetString());
        Assert.Equal("appointment.rescheduled", envelope.GetProperty("type").GetString());
        Assert.Equal("2026-12-01T02:00:00Z", envelope.GetProperty("occurredAt").GetString());
        var data = envelope.GetProperty("data");
        Assert.Equal("BMJ-4821", data.GetProperty("reference").GetString());
        Assert.Equal("6f1c2a9e-4b7d-4e0a-9c3f-2d8e5b1a7c40", data.GetProperty("appointmentId").GetString());
        Assert.Equal("tune-up", data.GetProperty("serviceCode").GetString());
        Assert.Equal("2026-12-03T10:00:00+07:00", data.GetProperty("previousStart").GetString());
        Assert.Equal("2026-12-04T14:00:00+07:00", data.GetProperty("start").GetString());
        Assert.Equal("2026-12-04T15:00:00+07:00", data.GetProperty("end").GetString());
        Assert.Equal("Ada acara keluarga", data.GetProperty("reason").GetString());
        Assert.Equal("bot", data.GetProperty("actor").GetString());
        Assert.Equal("test:c1", data.GetProperty("conversationId").GetString());

        var row = await bot.EventAsync(added.EventId);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(bot.Clock.GetUtcNow().UtcDateTime, row.DeliveredAt);
        Assert.Null(row.LastError);
        Assert.Null(row.ClaimedBy);
    }

    [Fact]
    public async Task A_server_error_is_retried_after_the_backoff_and_delivered_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = n => new WebhookReply(n == 1 ? 500 : 200, n == 1 ? "database is restarting" : null);
        await using var bot = await BotHarness.StartAsync(settings: EventTestBot.Webhooks(receiver));

        var added = await bot.AddEventAsync("BMJ-4821");
        await bot.EventuallyEventAsync(added.EventId, e => e.Attempts == 1);
        var waiting = await bot.EventAsync(added.EventId);
        Assert.Equal(BusinessEventStatus.Pending, waiting.Status);
        Assert.Equal(bot.Clock.GetUtcNow().UtcDateTime.AddSeconds(5), waiting.NextAttemptAt);
        Assert.Contains("HTTP 500", waiting.LastError);
        Assert.Contains("database is restarting", waiting.LastError);

        await bot.AdvanceEventsAsync(TimeSpan.FromSeconds(4));
        await Task.Delay(Settle);
        Assert.Single(receiver.Received);

        await bot.AdvanceEventsAsync(TimeSpan.FromSeconds(1));
        await bot.EventuallyEventAsync(added.EventId, e => e.Status == BusinessEventStatus.Delivered);
        await Task.Delay(Settle);

        Assert.Equal(2, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.Equal(added.EventId.ToString(), r.Id));
        var timestamps = receiver.Received.Select(r => long.Parse(r.Headers["X-Concierge-Timestamp"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(timestamps[0] + 5, timestamps[1]);
        var retried = receiver.Received.Last();
        Assert.Equal(Sign(EventTestBot.Secret, retried.Headers["X-Concierge-Timestamp"], retried.Body), retried.Headers["X-Concierge-Signature"]);
        var row = await bot.EventAsync(added.EventId);
        Assert.Equal(2, row.Attempts);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task A_rejected_event_fails_at_once_with_the_reason_recorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = _ => new WebhookReply(400, "{\"error\":\"unknown appointment reference\"}");
        await using var bot = await BotHarness.StartAsync(settings: EventTestBot.Webhooks(receiver));

        var added = await bot.AddEventAsync("BMJ-0000");
        await bot.EventuallyEventAsync(added.EventId, e => e.Status == BusinessEventStatus.Failed);
        await bot.AdvanceEventsAsync(TimeSpan.FromHours(1));
        await Task.Delay(Settle);

        Assert.Single(receiver.Received);
        var row = await bot.EventAsync(added.EventId);
        Assert.Equal(BusinessEventStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.StartsWith("HTTP 400 Bad Request", row.LastError);
        Assert.Contains("unknown appointment reference", row.LastError);
    }

    [Fact]
    public async Task An_event_the_receiver_keeps_failing_is_marked_failed_after_the_last_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = _ => new WebhookReply(503);
        await using var bot = await BotHarness.StartAsync(settings: EventTestBot.Webhooks(receiver, maxAttempts: 3));

        var added = await bot.AddEventAsync("BMJ-4821");
        await bot.EventuallyEventAsync(added.EventId, e => e.Attempts == 1);
        await bot.AdvanceEventsAsync(TimeSpan.FromSeconds(5));
        await bot.EventuallyEventAsync(added.EventId, e => e.Attempts == 2);
        Assert.Equal(bot.Clock.GetUtcNow().UtcDateTime.AddSeconds(10), (await bot.EventAsync(added.EventId)).NextAttemptAt);
        await bot.AdvanceEventsAsync(TimeSpan.FromSeconds(10));
        await bot.EventuallyEventAsync(added.EventId, e => e.Status == BusinessEventStatus.Failed);
        await bot.AdvanceEventsAsync(TimeSpan.FromHours(1));
        await Task.Delay(Settle);

        Assert.Equal(3, receiver.Received.Count);
        var row = await bot.EventAsync(added.EventId);
        Assert.Equal(3, row.Attempts);
        Assert.StartsWith("HTTP 503", row.LastError);
    }

    [Fact]
    public async Task A_throttled_event_waits_as_long_as_the_receiver_asks()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = n => n == 1 ? new WebhookReply(429, RetryAfter: "120") : new WebhookReply(200);
        await using var bot = await BotHarness.StartAsync(settings: EventTestBot.Webhooks(receiver));

        var added = await bot.AddEventAsync("BMJ-4821");
        await bot.EventuallyEventAsync(added.EventId, e => e.Attempts == 1);
        Assert.Equal(bot.Clock.GetUtcNow().UtcDateTime.AddMinutes(2), (await bot.EventAsync(added.EventId)).NextAttemptAt);

        await bot.AdvanceEventsAsync(TimeSpan.FromSeconds(119));
        await Task.Delay(Settle);
        Assert.Single(receiver.Received);

        await bot.AdvanceEventsAsync(TimeSpan.FromSeconds(1));
        await bot.EventuallyEventAsync(added.EventId, e => e.Status == BusinessEventStatus.Delivered);
        Assert.Equal(2, receiver.Received.Count);
    }

    [Fact]
    public async Task Events_are_delivered_in_order_and_a_retry_holds_back_later_ones()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = n => new WebhookReply(n == 1 ? 502 : 200);
        await using var bot = await BotHarness.StartAsync(settings: EventTestBot.Webhooks(receiver));

        var first = await bot.AddEventAsync("BMJ-0001");
        var second = await bot.AddEventAsync("BMJ-0002");
        var third = await bot.AddEventAsync("BMJ-0003");
        await bot.EventuallyEventAsync(first.EventId, e => e.Attempts == 1);
        await Task.Delay(Settle);
        Assert.Single(receiver.Received);
        Assert.Equal(BusinessEventStatus.Pending, (await bot.EventAsync(third.EventId)).Status);

        await bot.AdvanceEventsAsync(TimeSpan.FromSeconds(5));
        await bot.EventuallyAsync(async db => await db.BusinessEvents.AllAsync(e => e.Status == BusinessEventStatus.Delivered));

        Assert.Equal(
            [first.EventId, first.EventId, second.EventId, third.EventId],
            receiver.Received.Select(r => Guid.Parse(r.Id)));
    }

    [Fact]
    public async Task Without_a_url_nothing_is_posted_and_events_stay_pending()
    {
        var log = new InformationLog();
        await using var bot = await BotHarness.StartAsync(log.Register);

        var added = await bot.AddEventAsync("BMJ-4821");
        await bot.AdvanceEventsAsync(TimeSpan.FromMinutes(5));
        await Task.Delay(Settle);

        var row = await bot.EventAsync(added.EventId);
        Assert.Equal(BusinessEventStatus.Pending, row.Status);
        Assert.Equal(0, row.Attempts);
        Assert.Contains(log.Lines, line => line.Contains("Webhooks:Url is empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_instances_on_one_database_post_each_event_once_and_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMilliseconds(40);
        await using var a = await BotHarness.StartAsync(settings: EventTestBot.Webhooks(receiver, instance: "a"));
        await using var b = await BotHarness.StartAsync(settings: EventTestBot.Webhooks(receiver, instance: "b"), sharedDatabase: a.DatabasePath);

        // Waves of events written through either instance, then both woken (in turn, either first): they race
        // for every wave, and the one that loses looks while the other is posting.
        var added = new List<Guid>();
        for (var wave = 0; wave < 4; wave++)
        {
            var (first, second) = wave % 2 == 0 ? (a, b) : (b, a);
            for (var i = 0; i < 3; i++)
            {
                added.Add((await first.AddEventAsync($"BMJ-{wave}{i}", wake: false)).EventId);
            }

            first.Dispatcher().Wake();
            second.Dispatcher().Wake();
            await a.EventuallyAsync(async db => await db.BusinessEvents.CountAsync(e => e.Status == BusinessEventStatus.Delivered) == added.Count);
        }

        await Task.Delay(Settle);
        Assert.Equal(added, receiver.Received.Select(r => Guid.Parse(r.Id)));
        Assert.Equal(0, await a.QueryAsync(db => db.BusinessEvents.CountAsync(e => e.ClaimedBy != null)));
    }

    /// <summary>What a receiver computes: HMAC-SHA256 of "timestamp.body" with the shared secret, as lowercase hex.</summary>
    private static string Sign(string secret, string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
