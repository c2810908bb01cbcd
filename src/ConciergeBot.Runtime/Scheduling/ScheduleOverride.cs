namespace ConciergeBot.Scheduling;

/// <summary>
/// The hours of one date, replacing the weekly hours: a holiday or closed day (no hours), or extra or
/// shorter hours. For the whole business when <see cref="ResourceId"/> is null, else for one resource;
/// a resource's own override for a date wins over the business's. Several rows for one date add up.
/// </summary>
public sealed class ScheduleOverride
{
    public long Id { get; set; }
    public Guid BusinessId { get; set; }
    public Guid? ResourceId { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>Null with <see cref="Closes"/> null: closed all day.</summary>
    public TimeOnly? Opens { get; set; }

    public TimeOnly? Closes { get; set; }

    /// <summary>Shown to staff and, for a closed day, to customers ("Hari Natal").</summary>
    public string? Reason { get; set; }

    public bool IsClosed => Opens is null || Closes is null;
}
