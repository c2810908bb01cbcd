using System.Net;
using ConciergeBot.Admin;
using ConciergeBot.Tests.WebChat;

namespace ConciergeBot.Tests.Agents;

/// <summary>What the host serves for the agent console, over real HTTP.</summary>
public sealed class AgentConsolePageTests : IAsyncLifetime
{
    private WebChatHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await WebChatHost.StartAsync(TestAgents.HostSettings());
        await TestAgents.CreateAsync(_host.BaseAddress, "sari", "Sari");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_sign_in_page_runs_only_the_hosts_own_scripts_and_cannot_be_framed()
    {
        using var client = TestAgents.SignedOut(_host.BaseAddress);

        var response = await client.GetAsync("/agent/login");
        var html = await response.Content.ReadAsStringAsync();
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'none';", policy, StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("<script type=\"module\" src=\"/agent/assets/login.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Sign in · Bengkel Maju Jaya agent console</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_sends_a_signed_out_browser_to_sign_in()
    {
        using var client = TestAgents.SignedOut(_host.BaseAddress);

        var response = await client.GetAsync("/agent");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent/login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task The_admin_key_opens_the_agent_API_but_not_the_console()
    {
        using var desk = TestAgents.SignedOut(_host.BaseAddress);
        desk.DefaultRequestHeaders.Add(AdminKeyAuthentication.Header, TestAgents.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/api/agent/queue")).StatusCode);
        var page = await desk.GetAsync("/agent");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/agent/login", page.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task A_signed_in_agent_gets_the_console_and_skips_the_sign_in_page()
    {
        using var sari = await TestAgents.SignInAsync(_host.BaseAddress, "sari");

        var console = await sari.GetAsync("/agent");
        var html = await console.Content.ReadAsStringAsync();
        var signIn = await sari.GetAsync("/agent/login");

        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.EndsWith("frame-ancestors 'none'", string.Join(" ", console.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("no-store", console.Headers.CacheControl?.ToString());
        Assert.Contains("<script src=\"/agent/assets/signalr.min.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/agent/assets/console.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/agent", signIn.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/agent/assets/console.js", "text/javascript")]
    [InlineData("/agent/assets/api.js", "text/javascript")]
    [InlineData("/agent/assets/dom.js", "text/javascript")]
    [InlineData("/agent/assets/transcript.js", "text/javascript")]
    [InlineData("/agent/assets/desk.js", "text/javascript")]
    [InlineData("/agent/assets/login.js", "text/javascript")]
    [InlineData("/agent/assets/console.css", "text/css")]
    [InlineData("/agent/assets/signalr.min.js", "text/javascript")]
    public async Task The_console_files_are_served_by_the_host_itself_to_anyone(string path, string mediaType)
    {
        using var client = TestAgents.SignedOut(_host.BaseAddress);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(" ", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.NotNull(response.Headers.ETag);
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, path);
        revalidation.Headers.IfNoneMatch.Add(response.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidation)).StatusCode);
    }

    [Fact]
    public async Task The_SignalR_client_is_the_browser_bundle_from_npm()
    {
        using var client = TestAgents.SignedOut(_host.BaseAddress);

        var bundle = await client.GetStringAsync("/agent/assets/signalr.min.js");

        Assert.Contains("HubConnectionBuilder", bundle, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agent/assets/package.json")).StatusCode);
    }
}
