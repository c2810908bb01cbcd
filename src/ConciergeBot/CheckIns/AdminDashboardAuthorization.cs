using ConciergeBot.Admin;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;

namespace ConciergeBot.CheckIns;

/// <summary>
/// The Hangfire dashboard opens with the admin key, checked exactly as for <c>/api/admin</c>, or for a
/// supervisor signed in to the agent console (a browser cannot send the key's header).
/// </summary>
public sealed class AdminDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var key = await http.AuthenticateAsync(AdminKeyAuthentication.SchemeName);
        if (key.Succeeded && key.Principal.IsInRole("admin"))
        {
            return true;
        }

        var agent = await http.AuthenticateAsync(Agents.AgentAuthentication.Scheme);
        return agent.Succeeded && agent.Principal.IsInRole("supervisor");
    }
}
