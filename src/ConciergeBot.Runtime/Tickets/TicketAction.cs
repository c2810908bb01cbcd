namespace ConciergeBot.Tickets;

/// <summary>One thing that happened to a ticket, and who did it.</summary>
public sealed class TicketAction
{
    public long Id { get; set; }

    public Guid TicketId { get; set; }

    public DateTime At { get; set; }

    /// <summary>"bot", "customer", an agent's user name, or "admin".</summary>
    public required string Actor { get; set; }

    public TicketActionKind Kind { get; set; }

    public required string Text { get; set; }
}

public enum TicketActionKind
{
    Opened = 0,
    Compensated = 1,
    Escalated = 2,
    InProgress = 3,
    CorrectiveAction = 4,
    Resolved = 5,
    Confirmed = 6,
    Reopened = 7,
    Note = 8,
}
