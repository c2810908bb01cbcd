using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConciergeBot.Tests.WebChat;

/// <summary>
/// A customer in the browser talks to the bot through Web Chat and our Direct Line server, over
/// WebSocket and over polling. These need the Direct Line channel (<c>/webchat/token</c>, <c>/v3/directline</c>).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("needs", "directline")]
public sealed class WebChatConversationTests(BrowserFixture browser, WebChatHost sharedHost)
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task A_customer_reschedules_an_appointment_in_the_browser(string transport)
    {
        // Its own database: the reschedule moves BMJ-1001, which the other transport's run needs where it was.
        await using var host = await WebChatHost.StartAsync();
        await using var context = await browser.NewContextAsync(locale: "en-US");
        var page = await context.NewPageAsync();
        var console = PageConsole.Watch(page);

        await page.GotoAsync(host.Url(transport == "polling" ? "/?transport=polling" : "/").ToString());

        await Expect(Transcript.BotSays(page, "^Hi! I'm the virtual assistant of Bengkel Maju Jaya").First).ToBeVisibleAsync();
        await Transcript.SendAsync(page, "I'd like to reschedule");
        await Expect(Transcript.BotSays(page, "booking reference").First).ToBeVisibleAsync();
        await Transcript.SendAsync(page, "BMJ-1001");
        await Transcript.SendAsync(page, "Budi Santoso");
        await Expect(Transcript.BotSays(page, "^I found your Periodic service").First).ToBeVisibleAsync();
        await Transcript.SuggestedAction(page, "Skip").ClickAsync();
        await Expect(Transcript.BotSays(page, "^When would you like to come instead\\?").First).ToBeVisibleAsync();
        await Transcript.SendAsync(page, "monday at 10am");
        await Transcript.SuggestedAction(page, "Yes").ClickAsync();
        await Expect(Transcript.BotSays(page, "^Done!").First).ToBeVisibleAsync();

        await Expect(page.Locator(".webchat__activity-status", new() { HasTextString = "Send failed" })).ToHaveCountAsync(0);
        Assert.Empty(console.Errors);
    }

    [Fact]
    public async Task An_Indonesian_browser_is_greeted_in_Indonesian()
    {
        await using var context = await browser.NewContextAsync(locale: "id-ID");
        var page = await context.NewPageAsync();

        await page.GotoAsync(sharedHost.Url("/").ToString());

        await Expect(Transcript.BotSays(page, "^Halo! Saya asisten virtual Bengkel Maju Jaya").First).ToBeVisibleAsync();
    }
}
