namespace ConciergeBot.Handoff;

/// <summary>
/// One request for a person, from the moment the bot steps back until an agent resolves it, hands it
/// back, or the customer withdraws. While it is open the bot does not answer on its own.
/// </summary>
public sealed class HandoffCase
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string ConversationId { get; set; }

    public required string Channel { get; set; }

    public Guid? CustomerId { get; set; }

    /// <summary>The customer's name as the bot knows it (customer record or channel profile).</summary>
    public string? CustomerName { get; set; }

    public required string Language { get; set; }

    /// <summary>Why a person is needed (<see cref="Pipeline.EscalationReasons"/>).</summary>
    public required string Reason { get; set; }

    /// <summary>1 is the most urgent; the queue is served by priority, then by waiting time.</summary>
    public int Priority { get; set; } = HandoffPriorities.Normal;

    public required string Team { get; set; }

    /// <summary>What the bot already collected, so the agent starts where the bot stopped.</summary>
    public required string Summary { get; set; }

    public HandoffStatus Status { get; set; } = HandoffStatus.Waiting;

    public DateTime RequestedAt { get; set; }

    /// <summary>When it went (back) into the queue: waiting time counts from here.</summary>
    public DateTime QueuedAt { get; set; }

    public Guid? AgentId { get; set; }

    public DateTime? ClaimedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>How an agent closed it ("rescheduled by phone", "refund approved").</summary>
    public string? Outcome { get; set; }

    /// <summary>The queue position last told to the customer, and when, so updates come only when it changes and not too often.</summary>
    public int? PositionTold { get; set; }

    public DateTime? PositionToldAt { get; set; }

    /// <summary>Bumped by every change: two agents acting at once cannot both win.</summary>
    public long Version { get; set; }

    public bool IsOpen => Status is HandoffStatus.Waiting or HandoffStatus.Active;
}

public enum HandoffStatus
{
    /// <summary>In the queue, no agent yet.</summary>
    Waiting = 0,

    /// <summary>An agent has it.</summary>
    Active = 1,

    /// <summary>An agent closed it with an outcome.</summary>
    Resolved = 2,

    /// <summary>An agent gave the conversation back to the bot without resolving it.</summary>
    HandedBack = 3,

    /// <summary>The customer said never mind while waiting.</summary>
    Withdrawn = 4,
}

public static class HandoffPriorities
{
    public const int High = 1;
    public const int Normal = 2;
    public const int Low = 3;
}
