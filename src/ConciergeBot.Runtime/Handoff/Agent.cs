namespace ConciergeBot.Handoff;

/// <summary>A person who answers handed-off conversations in the agent console (or through the API).</summary>
public sealed class Agent
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>What the agent signs in with; unique, lower case.</summary>
    public required string UserName { get; set; }

    /// <summary>What customers and colleagues see ("Sari").</summary>
    public required string DisplayName { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash; the password itself is never stored.</summary>
    public required string PasswordHash { get; set; }

    public AgentRole Role { get; set; } = AgentRole.Agent;

    /// <summary>Comma-separated teams whose queue the agent works ("general,english").</summary>
    public string Teams { get; set; } = HandoffOptions.DefaultTeam;

    /// <summary>How many conversations the agent may hold at once.</summary>
    public int MaxConcurrent { get; set; } = 3;

    public AgentPresence Presence { get; set; } = AgentPresence.Away;

    /// <summary>When the console last said the agent is there; with <see cref="Presence"/> it decides who is online.</summary>
    public DateTime? LastSeenAt { get; set; }

    public bool Disabled { get; set; }

    public DateTime CreatedAt { get; set; }

    public IReadOnlyList<string> TeamList() => HandoffTeams.Parse(Teams);

    public bool Works(string team) => Role == AgentRole.Supervisor || TeamList().Contains(team, StringComparer.OrdinalIgnoreCase);
}

public enum AgentRole
{
    Agent = 0,
    Supervisor = 1,
}

public enum AgentPresence
{
    Away = 0,
    Available = 1,
}

public static class HandoffTeams
{
    public static IReadOnlyList<string> Parse(string? teams) =>
        (teams ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant())
            .Distinct()
            .ToArray();
}
