namespace ConciergeBot.Tickets;

/// <summary>
/// A problem a customer reported: what happened, how serious it is, what it is linked to, what the
/// business gave back, and what staff did about it. Its history is in <see cref="TicketAction"/>.
/// </summary>
public sealed class Ticket
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>What the customer is given to refer to it ("TKT-7K3Q9P").</summary>
    public required string Reference { get; set; }

    public required string ConversationId { get; set; }

    public required string Channel { get; set; }

    public Guid? CustomerId { get; set; }

    public required string Language { get; set; }

    /// <summary>A category code from configuration (<c>Tickets:Categories</c>).</summary>
    public required string Category { get; set; }

    public Severity Severity { get; set; }

    /// <summary>The customer's own words.</summary>
    public required string Description { get; set; }

    /// <summary>Photos and files the customer sent, as JSON (name, content type, URL).</summary>
    public string? AttachmentsJson { get; set; }

    public Guid? AppointmentId { get; set; }

    public Guid? ServiceId { get; set; }

    public Guid? ResourceId { get; set; }

    public TicketStatus Status { get; set; } = TicketStatus.Open;

    /// <summary>What the business gave or offered ("voucher MAAF-3KQ9 worth 50000 IDR"); null when nothing.</summary>
    public string? Compensation { get; set; }

    /// <summary>What staff changed so it does not happen again, as the customer is told it.</summary>
    public string? CorrectiveAction { get; set; }

    /// <summary>True when the bot handed it to a person (serious, sensitive, or above what the bot may grant).</summary>
    public bool Escalated { get; set; }

    /// <summary>How often the customer said it was not sorted after a fix.</summary>
    public int Reopened { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ResolvedAt { get; set; }
}

public enum TicketStatus
{
    Open = 0,
    InProgress = 1,
    Resolved = 2,
}

public enum Severity
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}

public static class TicketStatusNames
{
    public static string Of(TicketStatus status) => status switch
    {
        TicketStatus.InProgress => "in-progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static TicketStatus? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "open" => TicketStatus.Open,
        "in-progress" or "inprogress" or "in_progress" => TicketStatus.InProgress,
        "resolved" => TicketStatus.Resolved,
        _ => null,
    };
}
