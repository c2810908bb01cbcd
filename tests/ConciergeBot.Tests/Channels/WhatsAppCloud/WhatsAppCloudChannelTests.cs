using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Channels.WhatsAppCloud;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Channels.DirectLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Channels.WhatsAppCloud;

/// <summary>WhatsApp through Meta's Cloud API against the running host and a fake of the Graph API.</summary>
public sealed class WhatsAppCloudChannelTests : IAsyncLifetime
{
    private const string Budi = "6281234567890";

    private WhatsAppCloudHost _whatsApp = null!;

    private FakeMetaGraph Meta => _whatsApp.Meta;

    public Task InitializeAsync()
    {
        _whatsApp = WhatsAppCloudHost.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _whatsApp.DisposeAsync();

    [Fact]
    public async Task The_verification_handshake_echoes_the_challenge_only_for_the_right_token()
    {
        var verified = await _whatsApp.Host.Client.GetAsync($"{WhatsAppCloudHost.WebhookPath}?hub.mode=subscribe&hub.verify_token={WhatsAppCloudHost.VerifyToken}&hub.challenge=1158201444");
        var wrongToken = await _whatsApp.Host.Client.GetAsync($"{WhatsAppCloudHost.WebhookPath}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");
        var wrongMode = await _whatsApp.Host.Client.GetAsync($"{WhatsAppCloudHost.WebhookPath}?hub.mode=unsubscribe&hub.verify_token={WhatsAppCloudHost.VerifyToken}&hub.challenge=1");

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("text/plain", verified.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await verified.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongMode.StatusCode);
    }

    [Fact]
    public async Task Notifications_with_a_wrong_missing_or_stale_signature_are_refused_and_malformed_json_is_a_bad_request()
    {
        const string Body = """{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"109876543210987"},"messages":[{"from":"6281211112222","id":"wamid.forged","type":"text","text":{"body":"halo"}}]}}]}]}""";
        var wrongSecret = await _whatsApp.PostAsync(Body, WhatsAppCloudSignature.Compute("not-the-app-secret", Encoding.UTF8.GetBytes(Body)));
        var missing = await _whatsApp.PostAsync(Body, "");
        var tampered = await _whatsApp.PostAsync(Body.Replace("halo", "hal0", StringComparison.Ordinal), WhatsAppCloudSignature.Compute(WhatsAppCloudHost.AppSecret, Encoding.UTF8.GetBytes(Body)));
        var notHex = await _whatsApp.PostAsync(Body, "sha256=not-hex");
        var malformed = await _whatsApp.PostAsync("{\"entry\": [", null);

        Assert.Equal(HttpStatusCode.Forbidden, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notHex.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(0, await QueryAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task A_redelivered_message_is_answered_once()
    {
        var first = await _whatsApp.ReceiveTextAsync("6281233334444", "halo", id: "wamid.redelivered0001");
        var again = await _whatsApp.ReceiveTextAsync("6281233334444", "halo", id: "wamid.redelivered0001");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var greeting = await Meta.NextAsync();
        Assert.StartsWith("Halo! Saya asisten virtual", greeting.Body, StringComparison.Ordinal);
        Assert.Equal(("6281233334444", "text"), (greeting.To, greeting.Type));
        var menu = await Meta.NextAsync();
        Assert.Contains(("Ubah jadwal", "Ubah jadwal"), menu.Choices);
        Assert.Equal(1, await QueryAsync(db => db.Inbox.CountAsync()));
        Assert.Equal(2, await QueryAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task One_notification_carrying_two_customers_messages_reaches_both_conversations()
    {
        JsonObject Text(string from, string id) => new() { ["from"] = from, ["id"] = id, ["type"] = "text", ["text"] = new JsonObject { ["body"] = "halo" } };

        var response = await _whatsApp.NotifyAsync(new JsonObject { ["messages"] = new JsonArray(Text("6281200000001", "wamid.a"), Text("6281200000002", "wamid.b")) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["whatsapp-cloud:6281200000001", "whatsapp-cloud:6281200000002"], await QueryAsync(db => db.Inbox.OrderBy(i => i.Id).Select(i => i.ConversationId).ToListAsync()));
    }

    [Fact]
    public async Task Budi_reschedules_over_WhatsApp_tapping_reply_buttons_and_a_list()
    {
        await _whatsApp.ReceiveTextAsync(Budi, "mau ganti jadwal servis", name: "Budi");
        var found = await Meta.NextAsync();
        Assert.Equal("Saya menemukan jadwal Servis berkala Anda pada Jumat, 4 Desember pukul 10.00 (kode booking BMJ-1001).", found.Body);
        Assert.Equal((Budi, FakeMetaGraph.PhoneNumberId, FakeMetaGraph.Version, $"Bearer {FakeMetaGraph.AccessToken}"), (found.To, found.PhoneNumberId, found.Version, found.Authorization));
        Assert.Equal("whatsapp", found.Json["messaging_product"]?.GetValue<string>());
        var reason = await Meta.NextAsync();
        Assert.Equal(("interactive", "button"), (reason.Type, reason.Interactive));
        Assert.Equal([("Lewati", "Lewati")], reason.Choices);

        await _whatsApp.TapAsync(Budi, "button_reply", reason.Choices[0]);
        Assert.StartsWith("Mau dipindah ke kapan?", (await Meta.NextAsync()).Body, StringComparison.Ordinal);
        await _whatsApp.ReceiveTextAsync(Budi, "senin pagi");
        var times = await Meta.NextAsync();
        Assert.Equal(("list", "Waktu-waktu ini masih kosong. Mana yang cocok?", "Pilih"), (times.Interactive, times.Body, times.Json["interactive"]!["action"]!["button"]!.GetValue<string>()));
        Assert.Equal(["Waktu lain", "Bicara dengan petugas"], times.Choices.TakeLast(2).Select(c => c.Title));
        Assert.StartsWith("Sen, 7 Des ", times.Choices[0].Title, StringComparison.Ordinal);

        await _whatsApp.TapAsync(Budi, "list_reply", times.Choices[0]);
        var confirm = await Meta.NextAsync();
        Assert.StartsWith("Pindahkan jadwal Servis berkala Anda dari Jumat, 4 Desember pukul 10.00 ke Senin, 7 Desember pukul ", confirm.Body, StringComparison.Ordinal);
        Assert.Equal(["Ya", "Tidak"], confirm.Choices.Select(c => c.Title));
        await _whatsApp.TapAsync(Budi, "button_reply", confirm.Choices[0]);

        Assert.StartsWith("Beres! Jadwal Servis berkala Anda sekarang Senin, 7 Desember pukul ", (await Meta.NextAsync()).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_name_greets_a_new_customer()
    {
        await _whatsApp.ReceiveTextAsync("6285711112222", "halo", name: "Dewi");

        Assert.StartsWith("Halo Kak Dewi!", (await Meta.NextAsync()).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_notifications_move_the_outbox_row_forward_only_and_a_failure_is_recorded_with_its_meaning()
    {
        const string Customer = "6281299990000";
        await _whatsApp.ReceiveTextAsync(Customer, "halo");
        var ids = await Eventually.ReadAsync(
            () => QueryAsync<List<string>?>(async db => await db.Outbox.Where(o => o.Status == OutboxStatus.Delivered).OrderBy(o => o.Id).Select(o => o.ChannelMessageId!).ToListAsync()),
            list => list.Count == 2);

        Assert.Equal(HttpStatusCode.OK, (await _whatsApp.StatusAsync(ids[0], "read", Customer)).StatusCode);
        await _whatsApp.StatusAsync(ids[0], "delivered", Customer);
        await _whatsApp.StatusAsync(ids[1], "failed", Customer, errorCode: 131026);
        var unknown = await _whatsApp.StatusAsync("wamid.notours", "delivered", Customer);

        var rows = await QueryAsync(db => db.Outbox.OrderBy(o => o.Id).ToListAsync());
        Assert.Equal(("read", OutboxStatus.Delivered), (rows[0].ChannelStatus, rows[0].Status));
        Assert.Equal(("failed", OutboxStatus.Failed), (rows[1].ChannelStatus, rows[1].Status));
        Assert.Contains("131026: undeliverable", rows[1].LastError, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_time_Meta_asks_and_sent_once()
    {
        var refusals = 0;
        Meta.Respond = _ => Interlocked.Increment(ref refusals) == 1 ? new RetryAfterResult(FakeMetaGraph.Error(429, 130429, "Rate limit hit"), 2) : null;

        await _whatsApp.ReceiveTextAsync("6281255556666", "halo");
        await Eventually.HoldsAsync(() => QueryAsync(db => db.Outbox.AnyAsync(o => o.Attempts == 1 && o.LastError!.Contains("130429"))));
        _whatsApp.Host.Clock.Advance(TimeSpan.FromSeconds(3));
        _whatsApp.Host.Services.GetRequiredService<OutboxDispatcher>().Wake();

        var greeting = await Meta.NextAsync(m => m.Body!.StartsWith("Halo!", StringComparison.Ordinal));
        await Meta.NextAsync(m => m.Interactive is not null);
        Assert.Single(Meta.Sent, m => m.Body == greeting.Body);
        var row = await QueryAsync(db => db.Outbox.OrderBy(o => o.Id).FirstAsync());
        Assert.Equal((OutboxStatus.Delivered, 2), (row.Status, row.Attempts));
    }

    [Fact]
    public async Task A_refusal_that_retrying_cannot_fix_fails_with_its_meaning_at_once()
    {
        Meta.Respond = _ => FakeMetaGraph.Error(400, 131047, "Re-engagement message");

        await _whatsApp.ReceiveTextAsync("6281277778888", "halo");

        var row = await Eventually.ReadAsync(() => QueryAsync(db => db.Outbox.FirstOrDefaultAsync(o => o.Status == OutboxStatus.Failed)));
        Assert.Contains("131047: outside WhatsApp's 24-hour window", row.LastError, StringComparison.Ordinal);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Outside_the_window_a_message_goes_as_its_template_or_is_held_with_the_reason()
    {
        const string Customer = "6281322223333";
        var conversation = ConversationKey.For("whatsapp-cloud", Customer);
        await _whatsApp.ReceiveTextAsync(Customer, "halo");
        await Meta.NextAsync(m => m.Interactive is not null);
        _whatsApp.Host.Clock.Advance(TimeSpan.FromHours(25));

        var reminder = MessageFactory.Text("Pengingat: servis Anda besok pukul 10.00.");
        new MessageTemplate("reminder", new Dictionary<string, string> { ["2"] = "besok pukul 10.00", ["1"] = "Budi" }).ApplyTo(reminder);
        await _whatsApp.Host.EnqueueAsync(conversation, reminder);
        var template = await Meta.NextAsync(m => m.Type == "template");
        Assert.Equal(Customer, template.To);
        Assert.Equal(
            """{"name":"appointment_reminder","language":{"code":"id"},"components":[{"type":"body","parameters":[{"type":"text","text":"Budi"},{"type":"text","text":"besok pukul 10.00"}]}]}""",
            template.Json["template"]!.ToJsonString());

        var unmapped = MessageFactory.Text("Bagaimana servis kemarin?");
        new MessageTemplate("checkin", new Dictionary<string, string>()).ApplyTo(unmapped);
        await _whatsApp.Host.EnqueueAsync(conversation, unmapped);
        await _whatsApp.Host.EnqueueAsync(conversation, MessageFactory.Text("Halo, ini balasan petugas kami yang terlambat."));
        var held = await Eventually.ReadAsync(
            () => QueryAsync<List<OutboxItem>?>(async db => await db.Outbox.Where(o => o.Status == OutboxStatus.Failed).OrderBy(o => o.Id).ToListAsync()),
            rows => rows.Count == 2);
        Assert.Contains("WhatsAppCloud:Templates:checkin", held[0].LastError, StringComparison.Ordinal);
        Assert.Contains("24 hours", held[1].LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(Meta.Attempts, m => m.Body?.Contains("terlambat", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_photo_is_fetched_with_the_access_token_and_kept_by_the_host()
    {
        await _whatsApp.ReceiveAsync("6281344445555", new JsonObject
        {
            ["type"] = "image",
            ["image"] = new JsonObject { ["id"] = "MEDIA0001", ["mime_type"] = "image/jpeg", ["sha256"] = "abc", ["caption"] = "ini fotonya" },
        });

        var json = await Eventually.ReadAsync(() => QueryAsync(db => db.Inbox.Select(i => i.ActivityJson).FirstOrDefaultAsync()));
        var activity = ActivityJson.Deserialize(json)!;
        Assert.Equal("ini fotonya", activity.Text);
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("image/jpeg", attachment.ContentType);
        Assert.StartsWith("/v3/directline/attachments/", attachment.ContentUrl, StringComparison.Ordinal);
        Assert.Equal("photo MEDIA0001", await _whatsApp.Host.Client.GetStringAsync(attachment.ContentUrl));
    }

    [Fact]
    public async Task Without_a_phone_number_id_and_token_the_channel_is_off()
    {
        await using var host = new DirectLineHost();

        var response = await host.Client.GetAsync($"{WhatsAppCloudHost.WebhookPath}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<T> QueryAsync<T>(Func<ConciergeDb, Task<T>> query) => _whatsApp.Host.QueryAsync(query);
}
