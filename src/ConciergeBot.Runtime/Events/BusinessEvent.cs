namespace ConciergeBot.Events;

public enum BusinessEventStatus
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}

/// <summary>
/// Something the bot changed that the business's own system must hear about (an appointment moved),
/// written in the same transaction as the change and posted to the business's webhook afterwards.
/// </summary>
public sealed class BusinessEvent
{
    public long Id { get; set; }

    /// <summary>Unique and stable: the receiver uses it to ignore a delivery it already has.</summary>
    public Guid EventId { get; set; }

    /// <summary>e.g. <c>appointment.rescheduled</c>.</summary>
    public required string Type { get; set; }

    public required string PayloadJson { get; set; }
    public DateTime OccurredAt { get; set; }
    public BusinessEventStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The instance posting it now; with <see cref="ClaimedUntil"/>, keeps a second instance from posting it at the same time.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? DeliveredAt { get; set; }
    public string? LastError { get; set; }
}

public static class BusinessEventTypes
{
    public const string AppointmentRescheduled = "appointment.rescheduled";
}
