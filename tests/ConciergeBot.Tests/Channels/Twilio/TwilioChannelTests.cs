using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Admin;
using ConciergeBot.Agents;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Channels.Twilio;

/// <summary>SMS and WhatsApp through Twilio against the running host and a fake of Twilio's API.</summary>
public sealed class TwilioChannelTests : IAsyncLifetime
{
    private const string Budi = "+6281234567890";

    private TwilioHost _twilio = null!;

    private FakeTwilio Api => _twilio.Twilio;

    public Task InitializeAsync()
    {
        _twilio = TwilioHost.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _twilio.DisposeAsync();

    [Fact]
    public async Task Unsigned_or_wrongly_signed_webhooks_are_refused_and_nothing_reaches_the_bot()
    {
        var unsigned = await _twilio.ReceiveAsync("+6281211112222", "halo", signature: "");
        var forged = await _twilio.ReceiveAsync("+6281211112222", "halo", signature: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        using var notAForm = new HttpRequestMessage(HttpMethod.Post, "/api/twilio/messages") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        var json = await _twilio.Host.Client.SendAsync(notAForm);
        var forgedStatus = await _twilio.PostAsync("/api/twilio/status", [new("MessageSid", "SM1"), new("MessageStatus", "delivered")], "bm90IGEgc2lnbmF0dXJl");

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedStatus.StatusCode);
        Assert.Equal(0, await QueryAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task An_agent_sees_the_WhatsApp_customers_photo_and_the_reply_goes_back_on_WhatsApp()
    {
        const string Customer = "whatsapp:+6285722223333";
        await Tests.Agents.TestAgents.CreateAsync(_twilio.Host.BaseAddress, "sari", "Sari");
        await _twilio.ReceiveAsync(Customer, "saya mau bicara dengan petugas", extra:
        [
            new("NumMedia", "1"),
            new("MediaUrl0", $"{Api.BaseUrl}/media/ME0002"),
            new("MediaContentType0", "image/jpeg"),
        ]);
        using var desk = new HttpClient { BaseAddress = _twilio.Host.BaseAddress };
        desk.DefaultRequestHeaders.Add(AdminKeyAuthentication.Header, Tests.Agents.TestAgents.AdminKey);
        desk.DefaultRequestHeaders.Add(AgentAuthentication.ActingAgentHeader, "sari");

        var waiting = await Eventually.ReadAsync(async () => (await desk.GetFromJsonAsync<JsonArray>("/api/agent/queue"))!
            .FirstOrDefault(c => c!["conversationId"]!.GetValue<string>() == "whatsapp:" + Customer));
        var id = waiting!["id"]!.GetValue<string>();
        Assert.Equal("whatsapp", waiting["channel"]!.GetValue<string>());
        (await desk.PostAsync($"/api/agent/cases/{id}/claim", null)).EnsureSuccessStatusCode();
        var detail = await desk.GetFromJsonAsync<JsonObject>($"/api/agent/cases/{id}");
        var photo = detail!["transcript"]!.AsArray().SelectMany(l => l!["attachments"]!.AsArray()).Single()!;
        Assert.Equal("photo ME0002", await desk.GetStringAsync(photo["url"]!.GetValue<string>()));
        (await desk.PostAsJsonAsync($"/api/agent/cases/{id}/messages", new { text = "Halo, saya Sari. Fotonya sudah saya terima." })).EnsureSuccessStatusCode();

        var reply = await Api.NextAsync(m => m.Body == "Halo, saya Sari. Fotonya sudah saya terima.");
        Assert.Equal((Customer, TwilioHost.WhatsAppNumber), (reply.Field("To"), reply.Field("From")));
    }

    [Fact]
    public async Task A_file_that_could_run_in_a_browser_is_only_ever_a_download()
    {
        await _twilio.ReceiveAsync("whatsapp:+6285733334444", "lihat ini", extra:
        [
            new("NumMedia", "1"),
            new("MediaUrl0", $"{Api.BaseUrl}/media/ME0003"),
            new("MediaContentType0", "image/svg+xml"),
        ]);

        var activity = await Eventually.ReadAsync(() => QueryAsync(db => db.Inbox.Select(i => i.ActivityJson).FirstOrDefaultAsync()));
        var url = Assert.Single(ActivityJson.Deserialize(activity)!.Attachments!).ContentUrl!;
        using var served = await _twilio.Host.Client.GetAsync(url);

        Assert.Equal("application/octet-stream", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", served.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivered_message_is_answered_once()
    {
        var first = await _twilio.ReceiveAsync("+6281233334444", "halo", sid: "SMredelivered0000000000000000001");
        var again = await _twilio.ReceiveAsync("+6281233334444", "halo", sid: "SMredelivered0000000000000000001");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await Api.NextAsync(m => m.Body!.StartsWith("Halo! Saya asisten virtual", StringComparison.Ordinal));
        await Api.NextAsync(m => m.Body!.Contains("1. Ubah jadwal", StringComparison.Ordinal));
        Assert.Equal(1, await QueryAsync(db => db.Inbox.CountAsync()));
        Assert.Equal(2, await QueryAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task Budi_reschedules_over_SMS_answering_the_numbered_choices_with_numbers()
    {
        await _twilio.ReceiveAsync(Budi, "mau ganti jadwal servis");
        var found = await Api.NextAsync();
        Assert.Equal("Saya menemukan jadwal Servis berkala Anda pada Jumat, 4 Desember pukul 10.00 (kode booking BMJ-1001).", found.Body);
        Assert.Equal((Budi, TwilioHost.SmsNumber, FakeTwilio.BasicAuth), (found.Field("To"), found.Field("From"), found.Authorization));
        Assert.EndsWith("\n1. Lewati", (await Api.NextAsync()).Body, StringComparison.Ordinal);

        await _twilio.ReceiveAsync(Budi, "1");
        Assert.StartsWith("Mau dipindah ke kapan?", (await Api.NextAsync()).Body, StringComparison.Ordinal);
        await _twilio.ReceiveAsync(Budi, "senin jam 10 pagi");
        var confirm = (await Api.NextAsync()).Body!;
        Assert.StartsWith("Pindahkan jadwal Servis berkala Anda dari Jumat, 4 Desember pukul 10.00 ke Senin, 7 Desember pukul 10.00?", confirm, StringComparison.Ordinal);
        Assert.Contains("\n1. Ya", confirm, StringComparison.Ordinal);
        await _twilio.ReceiveAsync(Budi, "1");

        Assert.StartsWith("Beres! Jadwal Servis berkala Anda sekarang Senin, 7 Desember pukul 10.00.", (await Api.NextAsync()).Body, StringComparison.Ordinal);
        Assert.All(Api.Sent, m => Assert.Equal($"{TwilioHost.PublicBaseUrl}/api/twilio/status", m.Field("StatusCallback")));
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_time_Twilio_asks_and_sent_once()
    {
        var refusals = 0;
        Api.Respond = _ => Interlocked.Increment(ref refusals) == 1
            ? new RetryAfterResult(Results.Json(new { code = 20429, message = "Too Many Requests", status = 429 }, statusCode: 429), 2)
            : null;

        await _twilio.ReceiveAsync("+6281255556666", "halo");
        await Eventually.HoldsAsync(() => QueryAsync(db => db.Outbox.AnyAsync(o => o.Attempts == 1 && o.LastError!.Contains("20429"))));
        _twilio.Host.Clock.Advance(TimeSpan.FromSeconds(3));
        _twilio.Host.Services.GetRequiredService<OutboxDispatcher>().Wake();

        var greeting = await Api.NextAsync(m => m.Body!.StartsWith("Halo!", StringComparison.Ordinal));
        await Api.NextAsync(m => m.Body!.Contains("1. Ubah jadwal", StringComparison.Ordinal));
        Assert.Single(Api.Sent, m => m.Body == greeting.Body);
        var row = await QueryAsync(db => db.Outbox.OrderBy(o => o.Id).FirstAsync());
        Assert.Equal((OutboxStatus.Delivered, 2), (row.Status, row.Attempts));
    }

    [Fact]
    public async Task An_unsubscribed_number_fails_with_its_meaning_and_is_not_retried()
    {
        Api.Respond = _ => Results.Json(new { code = 21610, message = "Attempt to send to unsubscribed recipient", status = 400 }, statusCode: 400);

        await _twilio.ReceiveAsync("+6281277778888", "halo");

        var row = await Eventually.ReadAsync(() => QueryAsync(db => db.Outbox.FirstOrDefaultAsync(o => o.Status == OutboxStatus.Failed)));
        Assert.Contains("unsubscribed (STOP)", row.LastError, StringComparison.Ordinal);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Delivery_reports_move_forward_only_and_an_undelivered_message_is_marked_failed_with_the_reason()
    {
        await _twilio.ReceiveAsync("+6281299990000", "halo");
        await Api.NextAsync(m => m.Body!.StartsWith("Halo!", StringComparison.Ordinal));
        await Api.NextAsync(m => m.Body!.Contains("1. Ubah jadwal", StringComparison.Ordinal));
        var sids = await Eventually.ReadAsync(() => QueryAsync<List<string>?>(async db => await db.Outbox.Where(o => o.Status == OutboxStatus.Delivered).OrderBy(o => o.Id).Select(o => o.ChannelMessageId!).ToListAsync()), list => list.Count == 2);

        Assert.Equal(HttpStatusCode.NoContent, (await _twilio.StatusAsync(sids[0], "delivered")).StatusCode);
        await _twilio.StatusAsync(sids[0], "sent");
        await _twilio.StatusAsync(sids[1], "undelivered", "30003");
        var unknown = await _twilio.StatusAsync("SMnotours", "delivered");

        var rows = await QueryAsync(db => db.Outbox.OrderBy(o => o.Id).ToListAsync());
        Assert.Equal(("delivered", OutboxStatus.Delivered), (rows[0].ChannelStatus, rows[0].Status));
        Assert.Equal(("undelivered", OutboxStatus.Failed), (rows[1].ChannelStatus, rows[1].Status));
        Assert.Contains("unreachable", rows[1].LastError, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, unknown.StatusCode);
    }

    [Fact]
    public async Task On_WhatsApp_the_profile_name_greets_and_replies_are_free_form_inside_the_window()
    {
        await _twilio.ReceiveAsync("whatsapp:+6285711112222", "halo", extra: [new("ProfileName", "Dewi"), new("WaId", "6285711112222")]);

        var greeting = await Api.NextAsync();
        Assert.True(greeting.Body!.StartsWith("Halo Kak Dewi!", StringComparison.Ordinal), greeting.Body);
        Assert.Equal(("whatsapp:+6285711112222", TwilioHost.WhatsAppNumber), (greeting.Field("To"), greeting.Field("From")));
        Assert.Null(greeting.Field("ContentSid"));
    }

    [Fact]
    public async Task Outside_the_WhatsApp_window_a_message_goes_as_its_template_or_is_held_with_the_reason()
    {
        const string Customer = "whatsapp:+6281322223333";
        await _twilio.ReceiveAsync(Customer, "halo");
        await Api.NextAsync(m => m.Body!.Contains("1. Ubah jadwal", StringComparison.Ordinal));
        _twilio.Host.Clock.Advance(TimeSpan.FromHours(25));

        var withTemplate = MessageFactory.Text("Pengingat: servis Anda besok pukul 10.00.");
        new MessageTemplate("reminder", new Dictionary<string, string> { ["1"] = "Budi", ["2"] = "besok pukul 10.00" }).ApplyTo(withTemplate);
        await EnqueueAsync(Customer, withTemplate);
        var template = await Api.NextAsync(m => m.Field("ContentSid") is not null);
        Assert.Equal(TwilioHost.ReminderTemplate, template.Field("ContentSid"));
        Assert.Equal("{\"1\":\"Budi\",\"2\":\"besok pukul 10.00\"}", template.Field("ContentVariables"));
        Assert.Null(template.Body);

        var inEnglish = MessageFactory.Text("Reminder: your service is tomorrow at 10:00.");
        MessageTemplate.Numbered("reminder", "en", ["Budi", "tomorrow at 10:00"]).ApplyTo(inEnglish);
        await EnqueueAsync(Customer, inEnglish);
        Assert.Equal("{\"1\":\"Budi\",\"2\":\"tomorrow at 10:00\"}", (await Api.NextAsync(m => m.Field("ContentSid") == TwilioHost.EnglishReminderTemplate)).Field("ContentVariables"));

        await EnqueueAsync(Customer, MessageFactory.Text("Halo, ini balasan petugas kami yang terlambat."));
        var held = await Eventually.ReadAsync(() => QueryAsync(db => db.Outbox.FirstOrDefaultAsync(o => o.Status == OutboxStatus.Failed)));
        Assert.Contains("24 hours", held.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(Api.Sent, m => m.Body?.Contains("terlambat", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_photo_is_fetched_with_the_accounts_credentials_and_kept_by_the_host()
    {
        await _twilio.ReceiveAsync("whatsapp:+6281344445555", "ini fotonya", extra:
        [
            new("NumMedia", "1"),
            new("MediaUrl0", $"{Api.BaseUrl}/media/ME0001"),
            new("MediaContentType0", "image/jpeg"),
        ]);

        var activity = await Eventually.ReadAsync(() => QueryAsync(db => db.Inbox.Select(i => i.ActivityJson).FirstOrDefaultAsync()));
        var attachment = Assert.Single(ActivityJson.Deserialize(activity)!.Attachments!);
        Assert.Equal("image/jpeg", attachment.ContentType);
        Assert.StartsWith("/v3/directline/attachments/", attachment.ContentUrl, StringComparison.Ordinal);
        Assert.Equal("photo ME0001", await _twilio.Host.Client.GetStringAsync(attachment.ContentUrl));
    }

    private Task EnqueueAsync(string customer, Activity message) =>
        _twilio.Host.EnqueueAsync(ConversationKey.For(customer.StartsWith("whatsapp:", StringComparison.Ordinal) ? "whatsapp" : "sms", customer), message);

    private Task<T> QueryAsync<T>(Func<ConciergeDb, Task<T>> query) => _twilio.Host.QueryAsync(query);
}
