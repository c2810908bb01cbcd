using ConciergeBot.Agents;

namespace ConciergeBot.Admin;

/// <summary>Agent accounts under <c>/api/admin/agents</c>: create, list, disable. Passwords are hashed; none is ever returned.</summary>
public static class AgentAccountEndpoints
{
    public static void MapAgentAccounts(this RouteGroupBuilder admin)
    {
        var agents = admin.MapGroup("/agents").WithTags("Agents");
        agents.MapPost("/", async (NewAgent body, AgentAccounts accounts, CancellationToken ct) =>
        {
            var (agent, problem) = await accounts.CreateAsync(body, ct);
            return agent is null
                ? Results.Problem(problem, statusCode: problem!.StartsWith("There is already", StringComparison.Ordinal) ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest)
                : Results.Created($"/api/admin/agents/{agent.UserName}", AgentView.Of(agent, online: false));
        });
        agents.MapGet("/", async (AgentAccounts accounts, CancellationToken ct) =>
            Results.Ok((await accounts.ListAsync(ct)).Select(a => AgentView.Of(a, online: false)).ToList()));
        agents.MapDelete("/{userName}", async (string userName, AgentAccounts accounts, CancellationToken ct) =>
            await accounts.DisableAsync(userName, ct) ? Results.NoContent() : Results.NotFound());
    }
}
