using ConciergeBot.Admin;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;

namespace ConciergeBot.CheckIns;

/// <summary>The Hangfire dashboard opens only with the admin key, checked exactly as for <c>/api/admin</c>.</summary>
public sealed class AdminDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var result = await context.GetHttpContext().AuthenticateAsync(AdminKeyAuthentication.SchemeName);
        return result.Succeeded && result.Principal.IsInRole("admin");
    }
}
