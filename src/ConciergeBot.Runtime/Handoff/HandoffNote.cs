namespace ConciergeBot.Handoff;

/// <summary>
/// Something agents write on a case that the customer never sees: an internal note, or a record of
/// what happened to it (claimed, transferred, resolved), shown in the console's transcript.
/// </summary>
public sealed class HandoffNote
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>Who wrote or did it; null for the bot or the system.</summary>
    public Guid? AgentId { get; set; }

    public HandoffNoteKind Kind { get; set; }

    public required string Text { get; set; }

    public DateTime At { get; set; }
}

public enum HandoffNoteKind
{
    Note = 0,
    Claimed = 1,
    Transferred = 2,
    Resolved = 3,
    HandedBack = 4,
    Withdrawn = 5,
}
