using System.ComponentModel.DataAnnotations;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Handoff;

/// <summary>When people answer, who gets what, and how the queue talks to customers (<c>Handoff</c> in appsettings.json).</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";
    public const string DefaultTeam = "general";

    /// <summary>Staffed hours per weekday in the business's time zone: "08:00-12:00, 13:00-17:00"; a day left out is not staffed.</summary>
    public Dictionary<DayOfWeek, string> StaffedHours { get; set; } = [];

    /// <summary>Dates nobody answers (holidays), in the business's time zone.</summary>
    public List<DateOnly> Closed { get; set; } = [];

    /// <summary>
    /// Agents' shifts, by user name, in the same form as <see cref="StaffedHours"/>. When any are
    /// configured, the desk is staffed only while someone's shift runs inside the staffed hours.
    /// </summary>
    public Dictionary<string, Dictionary<DayOfWeek, string>> Shifts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The team that gets what no rule below routes elsewhere.</summary>
    public string Team { get; set; } = DefaultTeam;

    /// <summary>A team per conversation language ("en": "english").</summary>
    public Dictionary<string, string> TeamByLanguage { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A team per escalation reason; wins over the language.</summary>
    public Dictionary<string, string> TeamByReason { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Priority per escalation reason (1 = most urgent); others are <see cref="HandoffPriorities.Normal"/>.</summary>
    public Dictionary<string, int> PriorityByReason { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [EscalationReasons.Anger] = HandoffPriorities.High,
        [EscalationReasons.SeriousProblem] = HandoffPriorities.High,
    };

    /// <summary>A customer hears a new queue position at most this often (and only when it changed).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan PositionUpdateEvery { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the queue is looked at for positions to tell, besides every change this instance makes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A waiting time is estimated only from at least this many recent handled conversations.</summary>
    [Range(1, 1000)]
    public int EstimateMinimumHistory { get; set; } = 5;

    /// <summary>How many recent handled conversations the estimate averages.</summary>
    [Range(1, 1000)]
    public int EstimateFromLast { get; set; } = 20;

    /// <summary>An available agent whose console has not been heard from for this long counts as offline.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan OnlineWithin { get; set; } = TimeSpan.FromMinutes(2);

    public string TeamFor(string reason, string language) =>
        TeamByReason.TryGetValue(reason, out var byReason) ? byReason.ToLowerInvariant()
        : TeamByLanguage.TryGetValue(language, out var byLanguage) ? byLanguage.ToLowerInvariant()
        : Team.ToLowerInvariant();

    public int PriorityFor(string reason) => PriorityByReason.TryGetValue(reason, out var priority) ? priority : HandoffPriorities.Normal;
}
