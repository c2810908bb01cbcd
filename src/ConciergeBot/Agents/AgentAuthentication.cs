using System.Security.Claims;
using System.Threading.RateLimiting;
using ConciergeBot.Admin;
using ConciergeBot.Handoff;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ConciergeBot.Agents;

/// <summary>
/// Agents sign in with their own account (ASP.NET Core cookie authentication; the cookie is HttpOnly
/// and SameSite=Strict, so another site cannot act with it). A help desk plugged in through the API
/// uses the admin key instead and names the agent it acts for in <c>X-Agent</c>.
/// </summary>
public static class AgentAuthentication
{
    public const string Scheme = "AgentCookie";
    public const string AgentPolicy = "Agent";
    public const string SupervisorPolicy = "Supervisor";

    /// <summary>The console's pages: a person signed in with the cookie (the admin key opens the API, not the console).</summary>
    public const string ConsolePagePolicy = "AgentConsolePage";
    public const string LoginRateLimit = "agent-login";
    public const string DisplayNameClaim = "display_name";
    public const string ActingAgentHeader = "X-Agent";
    public const string CookieName = "concierge.agent";

    public static string RoleName(AgentRole role) => role == AgentRole.Supervisor ? "supervisor" : "agent";

    public static IServiceCollection AddAgentAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/agent/login";
            cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AgentPolicy, policy => policy
                .AddAuthenticationSchemes(Scheme, AdminKeyAuthentication.SchemeName)
                .RequireRole("agent", "supervisor", "admin"))
            .AddPolicy(SupervisorPolicy, policy => policy
                .AddAuthenticationSchemes(Scheme, AdminKeyAuthentication.SchemeName)
                .RequireRole("supervisor", "admin"))
            .AddPolicy(ConsolePagePolicy, policy => policy
                .AddAuthenticationSchemes(Scheme)
                .RequireRole("agent", "supervisor"));

        services.AddRateLimiter(limits => limits.AddPolicy(LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) })));
        services.AddSingleton<AgentAccounts>();
        return services;
    }

    public static ClaimsPrincipal Principal(Agent agent) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, agent.Id.ToString()),
            new Claim(ClaimTypes.Name, agent.UserName),
            new Claim(DisplayNameClaim, agent.DisplayName),
            new Claim(ClaimTypes.Role, RoleName(agent.Role)),
        ],
        Scheme));

    /// <summary>The console's pages go to the sign-in page; the API and the hub answer with a status code.</summary>
    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/agent/hub"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
