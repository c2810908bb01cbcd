using System.Net;
using ConciergeBot.Tests.Channels.DirectLine;
using static ConciergeBot.Tests.Channels.Telegram.TelegramUpdatesJson;

namespace ConciergeBot.Tests.Channels.Telegram;

/// <summary>The webhook: only Telegram (who knows the secret) gets in, and a redelivered update is answered once.</summary>
public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private const long Chat = 5001;
    private readonly TelegramHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_update_with_the_secret_token_is_accepted_and_answered()
    {
        var response = await _host.PostUpdateAsync(Command(1, Chat, "/start"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _host.SentAsync(Chat, "Hi Budi! I'm the virtual assistant of Bengkel Maju Jaya");
    }

    [Fact]
    public async Task A_call_without_or_with_a_wrong_secret_token_is_refused_and_logged()
    {
        var without = await _host.PostUpdateAsync(Text(2, Chat, "hello"), secret: null);
        var wrong = await _host.PostUpdateAsync(Text(3, Chat, "hello"), secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("Refused a Telegram webhook call", StringComparison.Ordinal) && l.Contains("no secret token", StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("Refused a Telegram webhook call", StringComparison.Ordinal) && l.Contains("a wrong secret token", StringComparison.Ordinal));
        Assert.Equal(0L, await _host.QueryAsync("""SELECT COUNT(*) FROM "Inbox" """, r => r.Read() ? r.GetInt64(0) : -1));
    }

    [Fact]
    public async Task A_redelivered_update_is_processed_once()
    {
        var first = await _host.PostUpdateAsync(Command(10, Chat, "/start"));
        var again = await _host.PostUpdateAsync(Command(10, Chat, "/start"));
        // A later message's answer shows the pipeline has worked through everything before it.
        await _host.SayAsync(Text(11, Chat, "help"), Chat, "I can move an appointment");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(_host.Api.TextsTo(Chat), t => t.StartsWith("Hi Budi! I'm the virtual assistant", StringComparison.Ordinal));
        Assert.Equal(2L, await _host.QueryAsync("""SELECT COUNT(*) FROM "Inbox" WHERE "Channel" = 'telegram'""", r => r.Read() ? r.GetInt64(0) : -1));
    }

    [Fact]
    public async Task Without_a_bot_token_the_channel_is_off()
    {
        await using var web = new DirectLineHost();

        var response = await web.Client.PostAsync("/api/telegram/webhook", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
