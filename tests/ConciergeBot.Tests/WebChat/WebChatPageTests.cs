using System.Net;
using System.Text.RegularExpressions;

namespace ConciergeBot.Tests.WebChat;

/// <summary>What the host serves for the chat page, over real HTTP.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WebChatPageTests(WebChatHost host)
{
    [Fact]
    public async Task The_page_is_branded_with_the_business_and_its_colour()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Bengkel Maju Jaya</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"chat-title\">Bengkel Maju Jaya</h1>", html, StringComparison.Ordinal);
        Assert.Contains("--brand: #0b6e4f;", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"id\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/webchat/webchat.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"standalone\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_allows_only_its_own_scripts_and_the_configured_websites_as_frames()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none';", policy, StringComparison.Ordinal);
        Assert.EndsWith($"frame-ancestors 'self' {host.Website!.AllowedOrigin}", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        var nonce = StyleNonce().Match(policy).Groups[1].Value;
        Assert.Contains($"<style nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        var again = await client.GetAsync("/");
        Assert.DoesNotContain(nonce, string.Join(" ", again.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embedded_page_says_so_to_its_style_sheet()
    {
        using var client = host.CreateClient();

        var html = await client.GetStringAsync("/?embed=1");

        Assert.Contains("<body class=\"embedded\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/webchat/webchat.js", "text/javascript")]
    [InlineData("/webchat/page.js", "text/javascript")]
    [InlineData("/webchat/page.css", "text/css")]
    [InlineData("/webchat/webchat.js.LICENSE.txt", "text/plain")]
    public async Task The_page_files_are_served_by_the_host_itself(string path, string mediaType)
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, path);
        revalidation.Headers.IfNoneMatch.Add(response.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidation)).StatusCode);
    }

    [Fact]
    public async Task The_bundle_is_Web_Chat_4_18_1_from_npm()
    {
        using var client = host.CreateClient();

        var bundle = await client.GetStringAsync("/webchat/webchat.js");

        Assert.True(bundle.Length > 1_000_000, $"webchat.js has only {bundle.Length} characters.");
        Assert.Contains("\"botframework-webchat:bundle:version\",\"4.18.1\"", bundle, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/webchat/stats.json")]
    [InlineData("/webchat/../appsettings.json")]
    [InlineData("/webchat/%2e%2e/appsettings.json")]
    [InlineData("/wwwroot/webchat/page.js")]
    public async Task Nothing_else_of_the_output_folder_is_served(string path)
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_embed_script_carries_the_branding_and_may_be_loaded_by_other_websites()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync("/embed.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"title\":\"Bengkel Maju Jaya\"", script, StringComparison.Ordinal);
        Assert.Contains("\"primaryColor\":\"#0b6e4f\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("__CONCIERGE_EMBED_SETTINGS__", script, StringComparison.Ordinal);
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/embed.js");
        revalidation.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidation)).StatusCode);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex StyleNonce();
}
