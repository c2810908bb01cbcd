using ConciergeBot.WebChat;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Tests.WebChat;

/// <summary>Branding from configuration, including values that try to break out of where they are put.</summary>
public sealed class WebChatBrandingTests : IClassFixture<WebChatBrandingTests.BrandedHost>
{
    private const string HostileTitle = "Salon \"Cantik\" </script><script>alert(1)</script> & <b>Co</b>";

    private readonly BrandedHost _host;

    public WebChatBrandingTests(BrandedHost host) => _host = host;

    [Fact]
    public async Task Configured_values_are_encoded_and_cannot_add_markup_or_script()
    {
        var html = await _host.Client.GetStringAsync("/");

        Assert.Contains("<title>Salon &quot;Cantik&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Co</b>", html, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Salon \\u0022Cantik\\u0022 \\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E \\u0026 \\u003Cb\\u003ECo\\u003C/b\\u003E\"", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"chat-logo\" src=\"https://img.example.com/logo.png?size=64&amp;v=2\" alt=\"\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embed_script_encodes_the_title_for_JavaScript()
    {
        var script = await _host.Client.GetStringAsync("/embed.js");

        Assert.DoesNotContain("</script><script>alert(1)", script, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Salon \\u0022Cantik\\u0022 \\u003C/script\\u003E", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Colour_language_and_framing_websites_come_from_configuration()
    {
        var response = await _host.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("\"defaultLocale\":\"en-US\"", html, StringComparison.Ordinal);
        // A light brand colour gets dark text on it.
        Assert.Contains("--brand: #ffd700; --on-brand: #000000;", html, StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors 'self' https://www.salon.example http://localhost:8080", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_an_invalid_setting_does_not_start()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("ConnectionStrings:Concierge", $"Data Source={_host.Folder.File("invalid.db")}")
            .UseSetting("WebChat:PrimaryColor", "red"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("WebChat:PrimaryColor", FlattenMessages(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.example.com", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("https://www.example.com/", true)]
    [InlineData("https://www.example.com; script-src *", false)]
    [InlineData("https://www.example.com 'unsafe-inline'", false)]
    [InlineData("https://*.example.com", false)]
    [InlineData("https://www.example.com/shop", false)]
    [InlineData("www.example.com", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://example.com", false)]
    [InlineData("*", false)]
    public void Only_bare_web_origins_may_frame_the_page(string origin, bool valid)
    {
        var result = new WebChatOptionsValidator().Validate(null, new WebChatOptions { AllowedOrigins = [origin] });

        Assert.Equal(valid, result.Succeeded);
    }

    [Theory]
    [InlineData("/logo.png", true)]
    [InlineData("https://img.example.com/logo.png", true)]
    [InlineData("http://img.example.com/logo.png", false)]
    [InlineData("//evil.example/logo.png", false)]
    [InlineData("/\\evil.example/logo.png", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:image/svg+xml,<svg onload=alert(1)>", false)]
    public void The_logo_is_an_https_address_or_a_path_on_this_host(string logo, bool valid)
    {
        var result = new WebChatOptionsValidator().Validate(null, new WebChatOptions { LogoUrl = logo });

        Assert.Equal(valid, result.Succeeded);
    }

    private static string FlattenMessages(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(Environment.NewLine, aggregate.InnerExceptions.Select(FlattenMessages))
            : error.Message + (error is OptionsValidationException validation ? string.Join(Environment.NewLine, validation.Failures) : "") + (error.InnerException is { } inner ? Environment.NewLine + FlattenMessages(inner) : "");

    /// <summary>A host (in memory: only HTTP is needed) branded for another business, with hostile text in its title.</summary>
    public sealed class BrandedHost : IAsyncLifetime
    {
        private readonly WebApplicationFactory<Program> _factory;

        public BrandedHost()
        {
            _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
                .UseSetting("ConnectionStrings:Concierge", $"Data Source={Folder.File("branded.db")}")
                .UseSetting("WebChat:Title", HostileTitle)
                .UseSetting("WebChat:PrimaryColor", "#FFD700")
                .UseSetting("WebChat:LogoUrl", "https://img.example.com/logo.png?size=64&v=2")
                .UseSetting("WebChat:DefaultLanguage", "en")
                .UseSetting("WebChat:AllowedOrigins:0", "https://www.salon.example")
                .UseSetting("WebChat:AllowedOrigins:1", "http://localhost:8080/"));
            Client = _factory.CreateClient();
        }

        public Harness.TempFolder Folder { get; } = new();

        public HttpClient Client { get; }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await _factory.DisposeAsync();
            Folder.Dispose();
        }
    }
}
