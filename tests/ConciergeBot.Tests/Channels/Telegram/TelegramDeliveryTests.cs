using ConciergeBot.Activities;
using ConciergeBot.Channels.Telegram;
using ConciergeBot.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ConciergeBot.Tests.Channels.Telegram.TelegramUpdatesJson;

namespace ConciergeBot.Tests.Channels.Telegram;

/// <summary>What the adapter sends and how the outbox treats Telegram's refusals.</summary>
public sealed class TelegramDeliveryTests
{
    private const long Chat = 8001;

    [Fact]
    public async Task A_429_is_retried_after_the_retry_after_Telegram_asked_for()
    {
        await using var host = new TelegramHost();
        host.Api.FailOnce("sendMessage", 429, "Too Many Requests: retry after 7", retryAfter: 7);

        (await host.PostUpdateAsync(Text(1, Chat, "help"))).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => host.Logs.Lines.Any(l => l.Contains("Too Many Requests", StringComparison.Ordinal)), "the 429 is logged");
        var (wait, error) = await host.QueryAsync("""SELECT "NextAttemptAt", "LastError" FROM "Outbox" ORDER BY "Id" LIMIT 1""",
            r => r.Read() ? (DateTime.Parse(r.GetString(0), System.Globalization.CultureInfo.InvariantCulture) - host.Clock.GetUtcNow().UtcDateTime, r.GetString(1)) : default);
        host.Clock.Advance(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Contains("429", error, StringComparison.Ordinal);
        await host.SentAsync(Chat, "I can move an appointment");
    }

    [Fact]
    public async Task A_customer_who_blocked_the_bot_is_a_recorded_failure_not_a_retry()
    {
        await using var host = new TelegramHost();
        host.Api.FailAlways("sendMessage", 403, "Forbidden: bot was blocked by the user");

        (await host.PostUpdateAsync(Text(1, Chat, "help"))).EnsureSuccessStatusCode();
        string? error = null;
        await Eventually.TrueAsync(() => (error = host.QueryAsync("""SELECT "LastError" FROM "Outbox" WHERE "Status" = 2 LIMIT 1""", r => r.Read() ? r.GetString(0) : null).Result) is not null, "the failure is recorded");

        Assert.Contains("blocked the bot", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_text_goes_in_parts_with_the_choices_on_the_last_and_Markdown_characters_as_they_are()
    {
        using var api = new FakeTelegramApi();
        var adapter = Adapter(api);
        var paragraph = string.Concat(Enumerable.Repeat("Price *before* discount_1 [see] (IDR 100.000). ", 50));
        var message = MessageFactory.Choices(paragraph + "\n\n" + paragraph, [new Choice("yes", "Yes"), new Choice("no", "No")]);
        message.Conversation = new ConversationAccount(Chat.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var result = await adapter.SendAsync(new OutboundActivity(1, "telegram:8001", 1, message), CancellationToken.None);

        var sent = api.Calls("sendMessage");
        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal(2, sent.Count);
        Assert.Equal(paragraph.TrimEnd(), sent[0]["text"]!.GetValue<string>());
        Assert.Null(sent[0]["reply_markup"]);
        Assert.NotNull(sent[1]["reply_markup"]);
        Assert.All(sent, s => Assert.Null(s["parse_mode"]));
    }

    [Theory]
    [InlineData(500, "Internal Server Error", DeliveryOutcome.Retry)]
    [InlineData(400, "Bad Request: chat not found", DeliveryOutcome.Failed)]
    public async Task Telegram_errors_are_retried_or_given_up_by_kind(int status, string description, DeliveryOutcome expected)
    {
        using var api = new FakeTelegramApi();
        api.FailAlways("sendMessage", status, description);
        var message = MessageFactory.Text("hello");
        message.Conversation = new ConversationAccount("8001");

        var result = await Adapter(api).SendAsync(new OutboundActivity(1, "telegram:8001", 1, message), CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public async Task A_typing_activity_is_a_chat_action()
    {
        using var api = new FakeTelegramApi();
        var typing = new Activity { Type = ActivityTypes.Typing, Conversation = new ConversationAccount("8001") };

        await Adapter(api).SendAsync(new OutboundActivity(1, "telegram:8001", 1, typing), CancellationToken.None);

        Assert.Equal("typing", api.Calls("sendChatAction").Single()["action"]!.GetValue<string>());
    }

    private static TelegramAdapter Adapter(FakeTelegramApi api)
    {
        var options = new TelegramOptions { BotToken = FakeTelegramApi.Token, ApiBaseUrl = api.Url };
        var bot = TelegramClientFactory.Create(options, new HttpClient());
        var locales = ConciergeBot.Localization.LocaleCatalog.Load(Path.Combine(AppContext.BaseDirectory, "locales"));
        return new TelegramAdapter(bot, new TelegramFiles(bot, Options.Create(options), NullLogger<TelegramFiles>.Instance), locales, Options.Create(options));
    }
}
