namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// A resource as the admin writes it; a PUT replaces it whole: the service codes it performs, its
/// weekly hours and its breaks (a list left out becomes empty). <c>code</c> is needed to create one
/// and cannot change afterwards.
/// </summary>
public sealed record ResourceRequest(
    string? Name,
    string? Code = null,
    string? Kind = null,
    bool? Active = null,
    IReadOnlyList<string>? Services = null,
    IReadOnlyList<OpeningHours>? Hours = null,
    IReadOnlyList<BreakTime>? Breaks = null);

/// <summary>One working interval: <c>{"day": "monday", "opens": "08:00", "closes": "12:00"}</c>; a day may have several.</summary>
public sealed record OpeningHours(string? Day, string? Opens, string? Closes);

/// <summary>A break on one weekday, or on every day when <c>day</c> is null: <c>{"day": "friday", "start": "11:30", "end": "13:00"}</c>.</summary>
public sealed record BreakTime(string? Start, string? End, string? Day = null);

public sealed record ResourceResponse(
    string Code,
    string Name,
    string Kind,
    bool Active,
    IReadOnlyList<string> Services,
    IReadOnlyList<OpeningHours> Hours,
    IReadOnlyList<BreakTime> Breaks);
