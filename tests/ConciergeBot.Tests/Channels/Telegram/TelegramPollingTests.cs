using static ConciergeBot.Tests.Channels.Telegram.TelegramUpdatesJson;

namespace ConciergeBot.Tests.Channels.Telegram;

/// <summary>Polling mode: updates come from getUpdates, each confirmed by the next offset once it is stored.</summary>
public sealed class TelegramPollingTests
{
    [Fact]
    public async Task Polled_updates_are_answered_and_confirmed_with_the_next_offset()
    {
        const long chat = 9001;
        await using var host = new TelegramHost(new Dictionary<string, string?> { ["Telegram:Mode"] = "Polling", ["Telegram:WebhookSecret"] = "" });
        host.Api.QueueUpdates(Command(41, chat, "/start"), Text(42, chat, "help"));

        _ = host.Services; // starts the host and its poller
        await host.SentAsync(chat, "I can move an appointment");
        await Eventually.TrueAsync(() => host.Api.Calls("getUpdates").Any(c => c["offset"]?.GetValue<int>() == 43), "getUpdates with offset 43");

        Assert.Single(host.Api.TextsTo(chat), t => t.StartsWith("Hi Budi! I'm the virtual assistant", StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.PostUpdateAsync(Text(43, chat, "hi"))).StatusCode);
    }
}
