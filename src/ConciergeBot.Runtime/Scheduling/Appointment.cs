namespace ConciergeBot.Scheduling;

public enum AppointmentStatus
{
    Booked = 0,
    Completed = 1,
    Cancelled = 2,
    NoShow = 3,
}

/// <summary>
/// A booked service: who, what, on which resource, when. <see cref="BlockedStart"/> and
/// <see cref="BlockedEnd"/> add the service's buffers; the database refuses two booked or completed
/// appointments whose blocked times overlap on one resource (see the scheduling migration's trigger).
/// </summary>
public sealed class Appointment
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }

    /// <summary>What the customer knows it by ("BMJ-4821"); unique.</summary>
    public required string Reference { get; set; }

    public Guid CustomerId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid ResourceId { get; set; }
    public DateTime Start { get; set; }
    public DateTime End { get; set; }
    public DateTime BlockedStart { get; set; }
    public DateTime BlockedEnd { get; set; }
    public AppointmentStatus Status { get; set; }

    /// <summary>How often the customer moved it (policy limits this); changes by staff do not count.</summary>
    public int RescheduleCount { get; set; }

    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<AppointmentChange> History { get; set; } = [];

    /// <summary>Sets the times and the blocked times the database checks, from the service's buffers.</summary>
    public void Place(Guid resourceId, DateTime startUtc, Service service)
    {
        ResourceId = resourceId;
        Start = startUtc;
        End = startUtc.AddMinutes(service.DurationMinutes);
        (BlockedStart, BlockedEnd) = Blocked(startUtc, service);
    }

    /// <summary>The time a service starting at <paramref name="startUtc"/> keeps its resource busy, buffers included.</summary>
    public static (DateTime Start, DateTime End) Blocked(DateTime startUtc, Service service) =>
        (startUtc.AddMinutes(-service.BufferBeforeMinutes), startUtc.AddMinutes(service.DurationMinutes + service.BufferAfterMinutes));

    public static bool Blocks(AppointmentStatus status) => status is AppointmentStatus.Booked or AppointmentStatus.Completed;
}

public enum AppointmentChangeKind
{
    Created = 0,
    Imported = 1,
    Rescheduled = 2,
    Cancelled = 3,
    Completed = 4,
    NoShow = 5,
    Updated = 6,
}

/// <summary>One change to an appointment: what it was, what it became, who changed it and why.</summary>
public sealed class AppointmentChange
{
    public long Id { get; set; }
    public Guid AppointmentId { get; set; }
    public DateTime At { get; set; }
    public AppointmentChangeKind Kind { get; set; }

    /// <summary>"bot", "admin", "import", or a staff member's name.</summary>
    public required string Actor { get; set; }

    public string? Reason { get; set; }
    public DateTime? FromStart { get; set; }
    public DateTime? ToStart { get; set; }
    public Guid? FromResourceId { get; set; }
    public Guid? ToResourceId { get; set; }

    /// <summary>The conversation the change was made in, when the bot made it.</summary>
    public string? ConversationId { get; set; }

    /// <summary>Makes a retried turn find its change already made instead of making it twice.</summary>
    public string? IdempotencyKey { get; set; }
}

public static class Actors
{
    public const string Bot = "bot";
    public const string Admin = "admin";
    public const string Import = "import";
}
