using System.ComponentModel.DataAnnotations;

namespace ConciergeBot.Scheduling;

/// <summary>How the business's calendar is offered (<c>Scheduling</c> in appsettings.json).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Start times are offered on this grid from the opening time (every 30 minutes by default).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan SlotInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>No slot starts sooner than this from now.</summary>
    public TimeSpan MinimumNotice { get; set; } = TimeSpan.FromHours(2);

    /// <summary>No slot starts later than this from now.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "730.00:00:00")]
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(60);

    /// <summary>How long a slot offered for confirmation stays kept for the customer.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(5);

    public ReschedulePolicy Reschedule { get; set; } = new();

    /// <summary>Per service code: what differs from <see cref="Reschedule"/> for it.</summary>
    public Dictionary<string, ReschedulePolicyOverride> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy for one service: the business's, with the service's own settings on top.</summary>
    public ReschedulePolicy PolicyFor(string serviceCode) =>
        Services.TryGetValue(serviceCode, out var own) ? Reschedule.With(own) : Reschedule;
}

public enum ReasonRequirement
{
    /// <summary>The bot does not ask why.</summary>
    None,

    /// <summary>The bot asks; the customer may skip.</summary>
    Optional,

    /// <summary>The bot asks and needs an answer.</summary>
    Required,
}

public sealed record ReschedulePolicy
{
    /// <summary>No change by the bot this close to the start; the customer is offered a person instead.</summary>
    public TimeSpan Cutoff { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How often a customer may move one appointment through the bot.</summary>
    public int MaxReschedules { get; init; } = 2;

    public ReasonRequirement Reason { get; init; } = ReasonRequirement.Optional;

    /// <summary>How far from now the new time may be.</summary>
    public TimeSpan MaxAhead { get; init; } = TimeSpan.FromDays(30);

    public ReschedulePolicy With(ReschedulePolicyOverride own) => this with
    {
        Cutoff = own.Cutoff ?? Cutoff,
        MaxReschedules = own.MaxReschedules ?? MaxReschedules,
        Reason = own.Reason ?? Reason,
        MaxAhead = own.MaxAhead ?? MaxAhead,
    };
}

public sealed class ReschedulePolicyOverride
{
    public TimeSpan? Cutoff { get; set; }
    public int? MaxReschedules { get; set; }
    public ReasonRequirement? Reason { get; set; }
    public TimeSpan? MaxAhead { get; set; }
}

public enum RescheduleRefusal
{
    /// <summary>Too close to the start for the bot to move it.</summary>
    TooClose,

    /// <summary>Moved as often as the policy allows.</summary>
    TooManyChanges,
}

public static class ReschedulePolicyRules
{
    /// <summary>Why the bot may not move an appointment starting at <paramref name="start"/>, or null when it may.</summary>
    public static RescheduleRefusal? Refusal(this ReschedulePolicy policy, DateTimeOffset start, int rescheduleCount, DateTimeOffset now) =>
        start - now < policy.Cutoff ? RescheduleRefusal.TooClose
        : rescheduleCount >= policy.MaxReschedules ? RescheduleRefusal.TooManyChanges
        : null;

    /// <summary>The latest new start the policy allows.</summary>
    public static DateTimeOffset Latest(this ReschedulePolicy policy, DateTimeOffset now) => now + policy.MaxAhead;
}
