namespace ConciergeBot.Scheduling;

/// <summary>
/// A slot kept for one conversation while its customer confirms. It expires on its own: expired holds
/// are ignored everywhere and swept away later. One conversation holds at most one slot.
/// </summary>
public sealed class SlotHold
{
    public long Id { get; set; }
    public Guid ResourceId { get; set; }

    /// <summary>The blocked interval (buffers included), as appointments store it.</summary>
    public DateTime BlockedStart { get; set; }

    public DateTime BlockedEnd { get; set; }

    /// <summary>The conversation holding it.</summary>
    public required string Holder { get; set; }

    /// <summary>The appointment being moved into it.</summary>
    public Guid AppointmentId { get; set; }

    public DateTime ExpiresAt { get; set; }
}
