using ConciergeBot.Handoff;
using ConciergeBot.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Agents;

public sealed record NewAgent(string UserName, string DisplayName, string Password, string? Role = null, string? Teams = null, int? MaxConcurrent = null);

/// <summary>
/// Agent accounts: created by the admin API or the host's <c>agents add</c> command (never from a
/// password in the repository), passwords hashed with ASP.NET Core Identity's hasher.
/// </summary>
public sealed class AgentAccounts(IDbContextFactory<ConciergeDb> dbs, TimeProvider clock)
{
    public const int MinimumPasswordLength = 10;

    private static readonly PasswordHasher<Agent> Hasher = new();

    /// <summary>The new agent, or what is wrong with the request.</summary>
    public async Task<(Agent? Agent, string? Problem)> CreateAsync(NewAgent request, CancellationToken cancellationToken)
    {
        var userName = request.UserName?.Trim().ToLowerInvariant() ?? "";
        if (userName.Length is < 2 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            return (null, "The user name must be 2–64 letters, digits, '.', '-' or '_'.");
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            return (null, "The display name is required: customers see it.");
        }

        if (request.Password is null || request.Password.Length < MinimumPasswordLength)
        {
            return (null, $"The password must have at least {MinimumPasswordLength} characters.");
        }

        if (ParseRole(request.Role) is not { } role)
        {
            return (null, "The role is 'agent' or 'supervisor'.");
        }

        if (request.MaxConcurrent is < 1 or > 50)
        {
            return (null, "The limit of concurrent conversations is between 1 and 50.");
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (await db.Agents.AnyAsync(a => a.UserName == userName, cancellationToken))
        {
            return (null, $"There is already an agent '{userName}'.");
        }

        var teams = HandoffTeams.Parse(request.Teams);
        var agent = new Agent
        {
            UserName = userName,
            DisplayName = request.DisplayName.Trim(),
            PasswordHash = "",
            Role = role,
            Teams = string.Join(',', teams.Count > 0 ? teams : [HandoffOptions.DefaultTeam]),
            MaxConcurrent = request.MaxConcurrent ?? 3,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        agent.PasswordHash = Hasher.HashPassword(agent, request.Password);
        db.Agents.Add(agent);
        await db.SaveChangesAsync(cancellationToken);
        return (agent, null);
    }

    /// <summary>The agent whose password this is, or null (unknown, disabled or wrong password all look the same).</summary>
    public async Task<Agent?> VerifyAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        var name = userName?.Trim().ToLowerInvariant() ?? "";
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.UserName == name && !a.Disabled, cancellationToken);
        if (agent is null || string.IsNullOrEmpty(password))
        {
            // Spend the same effort on an unknown name, so timing does not tell which names exist.
            Hasher.VerifyHashedPassword(Dummy, Dummy.PasswordHash, password ?? "");
            return null;
        }

        var result = Hasher.VerifyHashedPassword(agent, agent.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            agent.PasswordHash = Hasher.HashPassword(agent, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return agent;
    }

    public async Task<Agent?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && !a.Disabled, cancellationToken);
    }

    public async Task<Agent?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        var name = userName.Trim().ToLowerInvariant();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.UserName == name && !a.Disabled, cancellationToken);
    }

    public async Task<List<Agent>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Agents.AsNoTracking().OrderBy(a => a.UserName).ToListAsync(cancellationToken);
    }

    public async Task<bool> DisableAsync(string userName, CancellationToken cancellationToken)
    {
        var name = userName.Trim().ToLowerInvariant();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Agents.Where(a => a.UserName == name).ExecuteUpdateAsync(s => s.SetProperty(a => a.Disabled, true), cancellationToken) > 0;
    }

    public static AgentRole? ParseRole(string? role) => role?.Trim().ToLowerInvariant() switch
    {
        null or "" or "agent" => AgentRole.Agent,
        "supervisor" => AgentRole.Supervisor,
        _ => null,
    };

    private static readonly Agent Dummy = CreateDummy();

    private static Agent CreateDummy()
    {
        var dummy = new Agent { UserName = "-", DisplayName = "-", PasswordHash = "" };
        dummy.PasswordHash = Hasher.HashPassword(dummy, Guid.NewGuid().ToString());
        return dummy;
    }
}
