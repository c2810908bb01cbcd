using Microsoft.Playwright;

namespace ConciergeBot.Tests.WebChat;

/// <summary>One headless Chromium for every browser test class; each test opens its own context (cookies, locale, viewport).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>How long a locator waits for what it looks for: a bot turn plus Direct Line's one-second poll, with room on a busy machine.</summary>
    public const float Timeout = 15_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(Timeout);
        await SystemChromium.EnsureInstalledAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = SystemChromium.ExecutablePath,
            Headless = true,
            // Tests run as root, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh browser profile whose language (<c>navigator.language</c>) and screen size are the given ones.</summary>
    public async Task<IBrowserContext> NewContextAsync(string locale = "en-US", int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(Timeout);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The tests that share one browser and one running host; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<WebChatHost>
{
    public const string Name = "Browser";
}
