using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConciergeBot.Admin;
using ConciergeBot.Agents;
using static ConciergeBot.Tests.Channels.Telegram.TelegramUpdatesJson;

namespace ConciergeBot.Tests.Channels.Telegram;

/// <summary>Whole conversations over Telegram against the fake Bot API: the dialogs know nothing of the channel.</summary>
public sealed class TelegramConversationTests
{
    private const long Budi = 7001;

    [Fact]
    public async Task A_customer_reschedules_an_appointment_over_Telegram()
    {
        await using var host = new TelegramHost();

        await host.SayAsync(Command(1, Budi, "/start"), Budi, "Hi Budi! I'm the virtual assistant of Bengkel Maju Jaya");
        await host.SayAsync(Text(2, Budi, "I'd like to reschedule"), Budi, "booking reference");
        await host.SayAsync(Text(3, Budi, "BMJ-1001"), Budi, "the name or phone number");
        await host.SayAsync(Text(4, Budi, "Budi Santoso"), Budi, "I found your Periodic service");
        var reason = await host.SentAsync(Budi, "May I ask why");
        await host.SayAsync(Text(5, Budi, "Skip"), Budi, "When would you like to come instead?");
        var confirm = await host.SayAsync(Text(6, Budi, "monday at 10am"), Budi, "Shall I move your Periodic service");
        await host.SayAsync(Text(7, Budi, "Yes"), Budi, "Done!");

        Assert.Contains("Skip", Buttons(reason));
        Assert.Equal(["Yes", "No"], Buttons(confirm));
        Assert.Contains(host.Api.Calls("sendChatAction"), c => c["chat_id"]!.ToString() == Budi.ToString(System.Globalization.CultureInfo.InvariantCulture) && c["action"]!.GetValue<string>() == "typing");
        Assert.All(host.Api.Calls("sendMessage"), c => Assert.Null(c["parse_mode"]));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(FakeTelegramApi.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Asked_for_the_name_or_phone_number_the_customer_can_share_it_with_one_tap()
    {
        await using var host = new TelegramHost();

        await host.SayAsync(Command(1, Budi, "/start"), Budi, "What can I help you with?");
        await host.SayAsync(Text(2, Budi, "I'd like to reschedule"), Budi, "booking reference");
        var asked = await host.SayAsync(Text(3, Budi, "BMJ-1001"), Budi, "the name or phone number");
        var button = asked["reply_markup"]!["keyboard"]![0]![0]!;
        Assert.Equal("Share my phone number", button["text"]!.GetValue<string>());
        Assert.True(button["request_contact"]!.GetValue<bool>());

        (await host.PostUpdateAsync(Contact(4, Budi, "6281234567890"))).EnsureSuccessStatusCode();
        await host.SentAsync(Budi, "I found your Periodic service");
    }

    [Fact]
    public async Task Choices_are_a_one_time_reply_keyboard()
    {
        await using var host = new TelegramHost();

        var menu = await host.SayAsync(Command(1, Budi, "/start"), Budi, "What can I help you with?");

        var keyboard = menu["reply_markup"]!.AsObject();
        Assert.True(keyboard["one_time_keyboard"]!.GetValue<bool>());
        Assert.True(keyboard["resize_keyboard"]!.GetValue<bool>());
        Assert.Equal(["Reschedule an appointment", "Report a problem", "Talk to a person"], Buttons(menu));
    }

    [Fact]
    public async Task Inline_choices_carry_their_value_and_a_tap_answers_the_question()
    {
        await using var host = new TelegramHost(new Dictionary<string, string?> { ["Telegram:Choices"] = "InlineKeyboard" });

        var menu = await host.SayAsync(Command(1, Budi, "/start"), Budi, "What can I help you with?");
        var buttons = menu["reply_markup"]!["inline_keyboard"]!.AsArray();
        var reschedule = buttons.SelectMany(row => row!.AsArray()).First(b => b!["text"]!.GetValue<string>() == "Reschedule an appointment")!;
        await host.SayAsync(Callback(2, Budi, reschedule["callback_data"]!.GetValue<string>(), buttons), Budi, "booking reference");

        Assert.Equal("Reschedule an appointment", reschedule["callback_data"]!.GetValue<string>());
        await Eventually.TrueAsync(() => host.Api.Calls("answerCallbackQuery").Any(c => c["callback_query_id"]!.GetValue<string>() == "cq-2"), "the tap is answered");
    }

    [Fact]
    public async Task Sharing_the_phone_number_links_the_Telegram_user_to_the_customer()
    {
        await using var host = new TelegramHost();

        await host.SayAsync(Command(1, Budi, "/start"), Budi, "What can I help you with?");
        (await host.PostUpdateAsync(Contact(2, Budi, "6281234567890"))).EnsureSuccessStatusCode();
        await host.SayAsync(Text(3, Budi, "I'd like to reschedule"), Budi, "I found your Periodic service");

        Assert.DoesNotContain(host.Api.TextsTo(Budi), t => t.Contains("booking reference", StringComparison.Ordinal));
        var linked = await host.QueryAsync("""
            SELECT c."DisplayName" FROM "CustomerAddresses" a JOIN "Customers" c ON c."Id" = a."CustomerId"
            WHERE a."Kind" = 'telegram' AND a."Value" = '7001'
            """, r => r.Read() ? r.GetString(0) : null);
        Assert.Equal("Budi Santoso", linked);
    }

    [Fact]
    public async Task A_photo_is_stored_and_served_by_the_host()
    {
        await using var host = new TelegramHost();

        (await host.PostUpdateAsync(Photo(1, Budi, "the scratch on my car"))).EnsureSuccessStatusCode();
        var attachment = await host.QueryAsync("""SELECT "ActivityJson" FROM "Inbox" WHERE "ChannelMessageId" = '1'""", r => r.Read() ? JsonNode.Parse(r.GetString(0))!["attachments"]![0]! : null);
        var url = attachment!["contentUrl"]!.GetValue<string>();
        var served = await host.Client.GetByteArrayAsync(url);

        Assert.Equal("image/jpeg", attachment["contentType"]!.GetValue<string>());
        Assert.StartsWith("/api/telegram/files/", url, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTelegramApi.Token, url, StringComparison.Ordinal);
        Assert.Equal(FakeTelegramApi.PhotoBytes, served);
        Assert.Equal("photo-big", host.Api.Calls("getFile").Single()["file_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_agent_reply_reaches_the_customer_on_Telegram()
    {
        const string adminKey = "telegram-tests-admin-key";
        await using var host = new TelegramHost(new Dictionary<string, string?> { ["Admin:ApiKey"] = adminKey });
        host.Client.DefaultRequestHeaders.Add(AdminKeyAuthentication.Header, adminKey);
        (await host.Client.PostAsJsonAsync("/api/admin/agents", new { userName = "sari", displayName = "Sari", password = "correct horse battery", teams = "general" })).EnsureSuccessStatusCode();

        (await host.PostUpdateAsync(Text(1, Budi, "I want to talk to a person"))).EnsureSuccessStatusCode();
        JsonNode? waiting = null;
        await Eventually.TrueAsync(() => (waiting = host.Client.GetFromJsonAsync<JsonArray>("/api/agent/queue").Result!
            .FirstOrDefault(c => c!["conversationId"]!.GetValue<string>() == "telegram:7001")) is not null, "the case in the queue");
        var id = waiting!["id"]!.GetValue<string>();
        using var claim = new HttpRequestMessage(HttpMethod.Post, $"/api/agent/cases/{id}/claim");
        claim.Headers.Add(AgentAuthentication.ActingAgentHeader, "sari");
        (await host.Client.SendAsync(claim)).EnsureSuccessStatusCode();
        using var reply = new HttpRequestMessage(HttpMethod.Post, $"/api/agent/cases/{id}/messages") { Content = JsonContent.Create(new { text = "Hello, Sari here. What can I do?" }) };
        reply.Headers.Add(AgentAuthentication.ActingAgentHeader, "sari");
        (await host.Client.SendAsync(reply)).EnsureSuccessStatusCode();

        await host.SentAsync(Budi, "Hello, Sari here. What can I do?");
    }

    private static List<string> Buttons(JsonObject sent) =>
        [.. (sent["reply_markup"]!["keyboard"] ?? sent["reply_markup"]!["inline_keyboard"])!.AsArray().SelectMany(row => row!.AsArray()).Select(b => b!["text"]!.GetValue<string>())];
}
