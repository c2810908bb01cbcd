using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConciergeBot.Tests.WebChat;

/// <summary>The page in headless Chromium. These need no Direct Line server: Web Chat loads and shows itself either way.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatBrowserTests(BrowserFixture browser, WebChatHost host)
{
    private const string SendBox = Transcript.SendBox;

    [Fact]
    public async Task The_page_starts_Web_Chat_without_errors()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var console = PageConsole.Watch(page);

        await page.GotoAsync(host.Url("/").ToString());

        await Expect(page.Locator(SendBox)).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.WebChat === 'object' && typeof window.WebChat.renderWebChat === 'function'"));
        Assert.Equal("4.18.1", await page.Locator("meta[name='botframework-webchat:bundle:version']").GetAttributeAsync("content"));
        await Expect(page.Locator("h1.chat-title")).ToHaveTextAsync("Bengkel Maju Jaya");
        await Expect(page).ToHaveTitleAsync("Bengkel Maju Jaya");
        // The browser speaks English, so the page and Web Chat do too.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
        await Expect(page.Locator(SendBox)).ToHaveAttributeAsync("placeholder", "Type your message");
        await Expect(page.Locator("main#webchat")).ToHaveAttributeAsync("aria-label", "Chat with Bengkel Maju Jaya");
        // Web Chat's styles carry the page's nonce; one without it would be refused and show up as an error.
        Assert.True(await page.EvaluateAsync<int>("() => document.querySelectorAll('style[data-emotion]').length") > 0);
        Assert.Empty(console.ErrorsBesidesDirectLine);
    }

    [Fact]
    public async Task A_browser_in_another_language_gets_the_business_default()
    {
        await using var context = await browser.NewContextAsync(locale: "fr-FR");
        var page = await context.NewPageAsync();

        await page.GotoAsync(host.Url("/").ToString());

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id-ID");
        await Expect(page.Locator(SendBox)).ToHaveAttributeAsync("placeholder", "Ketik pesan Anda");
    }

    [Fact]
    public async Task On_a_phone_the_send_box_shows_without_scrolling_sideways()
    {
        await using var context = await browser.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();

        await page.GotoAsync(host.Url("/").ToString());

        var sendBox = page.Locator(SendBox);
        await Expect(sendBox).ToBeInViewportAsync(new() { Ratio = 1 });
        var box = await sendBox.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.X + box.Width, 0, 390);
        Assert.InRange(box.Y + box.Height, 0, 844);
        var scrollWidth = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        Assert.True(scrollWidth <= 390, $"The page is {scrollWidth} px wide on a 390 px screen.");
        await Expect(page.Locator("h1.chat-title")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task A_failed_start_is_explained_with_a_way_to_try_again()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync("**/webchat/token", route => route.FulfillAsync(new() { Status = 503 }));

        await page.GotoAsync(host.Url("/").ToString());

        var status = page.Locator("#webchat-status");
        await Expect(status).ToBeVisibleAsync();
        await Expect(status).ToContainTextAsync("could not start");
        await Expect(status.GetByRole(AriaRole.Button, new() { Name = "Try again" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_embed_script_opens_the_chat_in_a_frame_on_an_allowed_website()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(Website.AllowedOrigin + "/");
        var launcher = page.GetByRole(AriaRole.Button, new() { Name = "Chat with Bengkel Maju Jaya" });
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
        await launcher.ClickAsync();

        await Expect(page.Locator("iframe#concierge-bot-frame")).ToBeVisibleAsync();
        var chat = page.FrameLocator("iframe#concierge-bot-frame");
        await Expect(chat.Locator(SendBox)).ToBeVisibleAsync();
        await Expect(chat.Locator("body")).ToHaveClassAsync("embedded");
        var close = page.GetByRole(AriaRole.Button, new() { Name = "Close the chat" });
        await Expect(close).ToHaveAttributeAsync("aria-expanded", "true");
        await close.ClickAsync();
        await Expect(page.Locator("iframe#concierge-bot-frame")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Another_website_cannot_frame_the_chat()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var console = PageConsole.Watch(page);

        await page.GotoAsync(Website.OtherOrigin + "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with Bengkel Maju Jaya" }).ClickAsync();

        await Expect(page.Locator("iframe#concierge-bot-frame")).ToBeVisibleAsync();
        await Eventually.TrueAsync(() => console.Errors.Any(error => error.Contains("frame-ancestors", StringComparison.Ordinal)), "Chromium refuses the frame for frame-ancestors");
        await Expect(page.FrameLocator("iframe#concierge-bot-frame").Locator(SendBox)).ToHaveCountAsync(0);
    }

    private BusinessWebsite Website => host.Website ?? throw new InvalidOperationException("The shared host comes with a business website.");
}
