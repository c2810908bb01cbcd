using System.Security.Claims;
using ConciergeBot.Handoff;

namespace ConciergeBot.Agents;

/// <summary>Who acts on a request: the signed-in agent, or the agent a help desk names in <c>X-Agent</c> with the admin key.</summary>
public static class ActingAgent
{
    public static async Task<Agent?> ResolveAsync(HttpContext http, AgentAccounts accounts, CancellationToken cancellationToken)
    {
        var user = http.User;
        if (user.IsInRole("admin"))
        {
            return http.Request.Headers[AgentAuthentication.ActingAgentHeader].ToString() is { Length: > 0 } named
                ? await accounts.FindAsync(named, cancellationToken)
                : null;
        }

        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? await accounts.FindAsync(id, cancellationToken)
            : null;
    }

    public static IResult Missing(HttpContext http) => http.User.IsInRole("admin")
        ? TypedResults.Problem($"Name the agent this request acts for in the {AgentAuthentication.ActingAgentHeader} header (an active agent's user name).", statusCode: StatusCodes.Status400BadRequest)
        : TypedResults.Problem("This agent account no longer exists or is disabled.", statusCode: StatusCodes.Status403Forbidden);
}
