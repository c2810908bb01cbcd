using System.Net;
using System.Net.Http.Json;
using ConciergeBot.Admin;

namespace ConciergeBot.Tests.Agents;

/// <summary>Agent accounts made the way a business makes them (the admin API), and agents signed in the way the console signs in.</summary>
internal static class TestAgents
{
    public const string AdminKey = "agent-console-tests-admin-key";
    public const string Password = "correct horse battery";

    /// <summary>Host settings that open the admin API to <see cref="AdminKey"/>.</summary>
    public static Dictionary<string, string?> HostSettings() => new() { ["Admin:ApiKey"] = AdminKey };

    public static async Task CreateAsync(Uri host, string userName, string displayName, string role = "agent", string adminKey = AdminKey)
    {
        using var admin = Admin(host, adminKey);
        var created = await admin.PostAsJsonAsync("/api/admin/agents", new { userName, displayName, password = Password, role, teams = "general" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    /// <summary>A client holding the agent's sign-in cookie; it does not follow redirects, so a test sees them.</summary>
    public static async Task<HttpClient> SignInAsync(Uri host, string userName)
    {
        var client = SignedOut(host);
        var signedIn = await client.PostAsJsonAsync("/api/agent/login", new { userName, password = Password });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return client;
    }

    /// <summary>A help desk's client: the admin key on every call.</summary>
    public static HttpClient Admin(Uri host, string adminKey = AdminKey)
    {
        var client = new HttpClient { BaseAddress = host };
        client.DefaultRequestHeaders.Add(AdminKeyAuthentication.Header, adminKey);
        return client;
    }

    public static HttpClient SignedOut(Uri host) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host };
}
