using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ConciergeBot.Tests.WebChat;

/// <summary>Reading and writing Web Chat's transcript the way a customer does, through its rendered elements.</summary>
public static class Transcript
{
    public const string SendBox = "input.webchat__send-box-text-box__input";

    private const string BotText = ".webchat__bubble:not(.webchat__bubble--from-user) .webchat__text-content";

    /// <summary>The bot's messages whose text matches <paramref name="pattern"/>; a typographic apostrophe counts as a plain one.</summary>
    public static ILocator BotSays(IPage page, string pattern) =>
        page.Locator(BotText).Filter(new() { HasTextRegex = new Regex(pattern.Replace("'", "['\u2019]", StringComparison.Ordinal)) });

    /// <summary>The suggested action (a button under the bot's last message) titled exactly <paramref name="title"/>.</summary>
    public static ILocator SuggestedAction(IPage page, string title) =>
        page.Locator(".webchat__suggested-action").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(title)}\\s*$") });

    /// <summary>Types into the send box and presses Enter, then waits for the bot to answer, so the next message is not sent into the previous turn.</summary>
    public static async Task SendAsync(IPage page, string text)
    {
        var before = await page.Locator(BotText).CountAsync();
        var sendBox = page.Locator(SendBox);
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
        await page.WaitForFunctionAsync(
            "([selector, count]) => document.querySelectorAll(selector).length > count",
            new object[] { BotText, before },
            new() { Timeout = BrowserFixture.Timeout });
    }
}
