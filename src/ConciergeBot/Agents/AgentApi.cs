using ConciergeBot.Handoff;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Agents;

public sealed record SignIn(string? UserName, string? Password);

public sealed record PresenceChange(string? Presence);

public sealed record TextBody(string? Text);

public sealed record TransferBody(string? Team, string? Agent);

public sealed record ResolveBody(string? Outcome);

/// <summary>
/// The handoff desk over HTTP, under <c>/api/agent</c>: what the console uses, and what a business's
/// own help desk can use instead (with the admin key and <c>X-Agent</c>).
/// </summary>
public static class AgentApi
{
    private const int TranscriptLimit = 500;

    public static IEndpointRouteBuilder MapAgentApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/agent").WithTags("Agents");
        open.MapPost("/login", LoginAsync).RequireRateLimiting(AgentAuthentication.LoginRateLimit).AllowAnonymous();
        open.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(AgentAuthentication.Scheme);
            return TypedResults.NoContent();
        });

        var api = app.MapGroup("/api/agent").WithTags("Agents").RequireAuthorization(AgentAuthentication.AgentPolicy);
        api.MapGet("/me", MeAsync);
        api.MapPut("/me/presence", PresenceAsync);
        api.MapGet("/queue", QueueAsync);
        api.MapGet("/cases", CasesAsync);
        api.MapGet("/cases/{id:guid}", CaseAsync);
        api.MapPost("/cases/{id:guid}/claim", (Guid id, HttpContext http, AgentAccounts accounts, HandoffDesk desk, TimeProvider clock, CancellationToken ct) =>
            ActAsync(http, accounts, clock, (agent, token) =>
                // Conversations are offered to agents who are available; a help desk keeps its own presence.
                agent.Presence == AgentPresence.Available || http.User.IsInRole("admin")
                    ? desk.ClaimAsync(id, agent.Id, token)
                    : Task.FromResult(new DeskResult(DeskOutcome.Invalid, Problem: "Set yourself available to take conversations.")), ct));
        api.MapPost("/cases/{id:guid}/messages", (Guid id, TextBody body, HttpContext http, AgentAccounts accounts, HandoffDesk desk, TimeProvider clock, CancellationToken ct) =>
            ActAsync(http, accounts, clock, (agent, token) => desk.ReplyAsync(id, agent.Id, body.Text ?? "", token), ct));
        api.MapPost("/cases/{id:guid}/notes", (Guid id, TextBody body, HttpContext http, AgentAccounts accounts, HandoffDesk desk, TimeProvider clock, CancellationToken ct) =>
            ActAsync(http, accounts, clock, (agent, token) => desk.NoteAsync(id, agent.Id, body.Text ?? "", token), ct));
        api.MapPost("/cases/{id:guid}/transfer", (Guid id, TransferBody body, HttpContext http, AgentAccounts accounts, HandoffDesk desk, TimeProvider clock, CancellationToken ct) =>
            ActAsync(http, accounts, clock, (agent, token) => desk.TransferAsync(id, agent.Id, body.Team, body.Agent, token), ct));
        api.MapPost("/cases/{id:guid}/resolve", (Guid id, ResolveBody body, HttpContext http, AgentAccounts accounts, HandoffDesk desk, TimeProvider clock, CancellationToken ct) =>
            ActAsync(http, accounts, clock, (agent, token) => desk.ResolveAsync(id, agent.Id, body.Outcome, token), ct));
        api.MapPost("/cases/{id:guid}/hand-back", (Guid id, HttpContext http, AgentAccounts accounts, HandoffDesk desk, TimeProvider clock, CancellationToken ct) =>
            ActAsync(http, accounts, clock, (agent, token) => desk.HandBackAsync(id, agent.Id, token), ct));
        api.MapGet("/agents", AgentsAsync);
        api.MapGet("/overview", OverviewAsync).RequireAuthorization(AgentAuthentication.SupervisorPolicy);
        return app;
    }

    private static async Task<Results<Ok<AgentView>, UnauthorizedHttpResult>> LoginAsync(SignIn body, HttpContext http, AgentAccounts accounts, HandoffDesk desk, CancellationToken ct)
    {
        if (await accounts.VerifyAsync(body.UserName, body.Password, ct) is not { } agent)
        {
            return TypedResults.Unauthorized();
        }

        await http.SignInAsync(AgentAuthentication.Scheme, AgentAuthentication.Principal(agent));
        await desk.HeartbeatAsync(agent.Id, ct);
        return TypedResults.Ok(AgentView.Of(agent, online: agent.Presence == AgentPresence.Available));
    }

    private static async Task<IResult> MeAsync(HttpContext http, AgentAccounts accounts, CancellationToken ct) =>
        await ActingAgent.ResolveAsync(http, accounts, ct) is { } agent
            ? TypedResults.Ok(AgentView.Of(agent, agent.Presence == AgentPresence.Available))
            : ActingAgent.Missing(http);

    private static async Task<IResult> PresenceAsync(PresenceChange body, HttpContext http, AgentAccounts accounts, HandoffDesk desk, CancellationToken ct)
    {
        if (await ActingAgent.ResolveAsync(http, accounts, ct) is not { } agent)
        {
            return ActingAgent.Missing(http);
        }

        AgentPresence? presence = body.Presence?.Trim().ToLowerInvariant() switch
        {
            "available" => AgentPresence.Available,
            "away" => AgentPresence.Away,
            _ => null,
        };
        if (presence is null)
        {
            return TypedResults.Problem("Presence is 'available' or 'away'.", statusCode: StatusCodes.Status400BadRequest);
        }

        await desk.SetPresenceAsync(agent.Id, presence.Value, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Waiting conversations in the order they are served: the agent's teams (all of them for a supervisor or a help desk).</summary>
    private static async Task<IResult> QueueAsync(HttpContext http, AgentAccounts accounts, HandoffQueue queue, TimeProvider clock, CancellationToken ct)
    {
        IReadOnlyCollection<string>? teams = null;
        if (!http.User.IsInRole("admin") && !http.User.IsInRole("supervisor"))
        {
            if (await ActingAgent.ResolveAsync(http, accounts, ct) is not { } agent)
            {
                return ActingAgent.Missing(http);
            }

            teams = agent.TeamList();
        }

        var now = clock.GetUtcNow();
        var waiting = await queue.WaitingAsync(teams, ct);
        return TypedResults.Ok(waiting.Select(c => CaseView.Of(c, null, now)).ToList());
    }

    /// <summary>Open conversations that agents have: the caller's own, or (<c>?all=true</c>, supervisors) everyone's.</summary>
    private static async Task<IResult> CasesAsync(bool? all, HttpContext http, AgentAccounts accounts, IDbContextFactory<ConciergeDb> dbs, TimeProvider clock, CancellationToken ct)
    {
        var everyone = all == true && (http.User.IsInRole("supervisor") || http.User.IsInRole("admin"));
        Agent? agent = null;
        if (!everyone && (agent = await ActingAgent.ResolveAsync(http, accounts, ct)) is null)
        {
            return ActingAgent.Missing(http);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var active = db.HandoffCases.AsNoTracking().Where(c => c.Status == HandoffStatus.Active);
        if (agent is not null)
        {
            active = active.Where(c => c.AgentId == agent.Id);
        }

        var rows = await active.OrderBy(c => c.ClaimedAt)
            .Select(c => new { Case = c, Agent = db.Agents.Where(a => a.Id == c.AgentId).Select(a => a.UserName).FirstOrDefault() })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(rows.Select(r => CaseView.Of(r.Case, r.Agent, now)).ToList());
    }

    private static async Task<IResult> CaseAsync(Guid id, HttpContext http, AgentAccounts accounts, IDbContextFactory<ConciergeDb> dbs, TranscriptReader transcripts, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await db.HandoffCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        if (!http.User.IsInRole("supervisor") && !http.User.IsInRole("admin"))
        {
            var agent = await ActingAgent.ResolveAsync(http, accounts, ct);
            if (agent is null || (found.AgentId != agent.Id && !agent.Works(found.Team)))
            {
                return TypedResults.Problem("This conversation belongs to another team.", statusCode: StatusCodes.Status403Forbidden);
            }
        }

        var agents = await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a, ct);
        var notes = await db.HandoffNotes.AsNoTracking()
            .Where(n => db.HandoffCases.Any(c => c.Id == n.CaseId && c.ConversationId == found.ConversationId))
            .ToListAsync(ct);
        var lines = (await transcripts.ReadAsync(found.ConversationId, ct)).Select(TranscriptLines.From)
            .Concat(notes.Select(n => TranscriptLines.From(n, n.AgentId is { } a && agents.TryGetValue(a, out var who) ? who.DisplayName : null)))
            .OrderBy(l => l.At)
            .TakeLast(TranscriptLimit)
            .ToList();
        var holder = found.AgentId is { } holderId && agents.TryGetValue(holderId, out var h) ? h.UserName : null;
        return TypedResults.Ok(new CaseDetail(CaseView.Of(found, holder, clock.GetUtcNow()), lines));
    }

    private static async Task<IResult> AgentsAsync(HandoffQueue queue, IDbContextFactory<ConciergeDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var online = (await queue.OnlineAgentsAsync(db, ct)).Select(a => a.Agent.Id).ToHashSet();
        var agents = await db.Agents.AsNoTracking().Where(a => !a.Disabled).OrderBy(a => a.DisplayName).ToListAsync(ct);
        return TypedResults.Ok(agents.Select(a => AgentView.Of(a, online.Contains(a.Id))).ToList());
    }

    private static async Task<IResult> OverviewAsync(HandoffQueue queue, IDbContextFactory<ConciergeDb> dbs, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await DeskOverview.ReadAsync(queue, dbs, clock.GetUtcNow(), ct));

    private static async Task<IResult> ActAsync(
        HttpContext http, AgentAccounts accounts, TimeProvider clock, Func<Agent, CancellationToken, Task<DeskResult>> act, CancellationToken ct)
    {
        if (await ActingAgent.ResolveAsync(http, accounts, ct) is not { } agent)
        {
            return ActingAgent.Missing(http);
        }

        var result = await act(agent, ct);
        var view = result.Case is { } c ? CaseView.Of(c, c.AgentId == agent.Id ? agent.UserName : null, clock.GetUtcNow()) : null;
        return result.Outcome switch
        {
            DeskOutcome.Done => TypedResults.Ok(view),
            DeskOutcome.NotFound => TypedResults.Problem(result.Problem ?? "No such conversation.", statusCode: StatusCodes.Status404NotFound),
            DeskOutcome.NotAvailable => TypedResults.Problem(
                "Someone else has this conversation, or it is closed.", statusCode: StatusCodes.Status409Conflict, title: "Not available"),
            DeskOutcome.AtCapacity => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict, title: "At the limit of concurrent conversations"),
            DeskOutcome.NotYours => TypedResults.Problem(result.Problem ?? "Only the agent who has this conversation (or a supervisor) may do that.", statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status400BadRequest),
        };
    }
}
