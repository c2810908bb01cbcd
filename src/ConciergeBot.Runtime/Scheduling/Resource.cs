namespace ConciergeBot.Scheduling;

/// <summary>Who or what an appointment takes: a mechanic, a bay, a treatment room.</summary>
public sealed class Resource
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>"staff", "bay", "room", …: for people reading the schedule; slot search does not care.</summary>
    public string Kind { get; set; } = ResourceKinds.Staff;

    public bool Active { get; set; } = true;

    /// <summary>The services this resource can perform.</summary>
    public List<ResourceService> Services { get; set; } = [];

    public List<WeeklyHours> Hours { get; set; } = [];

    public List<WeeklyBreak> Breaks { get; set; } = [];
}

public static class ResourceKinds
{
    public const string Staff = "staff";
    public const string Bay = "bay";
    public const string Room = "room";
}

public sealed class ResourceService
{
    public Guid ResourceId { get; set; }
    public Guid ServiceId { get; set; }
}

/// <summary>One working interval on a weekday; a day may have several (a split shift).</summary>
public sealed class WeeklyHours
{
    public long Id { get; set; }
    public Guid ResourceId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}

/// <summary>A break inside the working hours (lunch, prayer time); on one weekday, or on every day when <see cref="Day"/> is null.</summary>
public sealed class WeeklyBreak
{
    public long Id { get; set; }
    public Guid ResourceId { get; set; }
    public DayOfWeek? Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}
