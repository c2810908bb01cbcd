namespace ConciergeBot.Admin.Scheduling;

/// <summary>An appointment; <c>history</c> is filled when one appointment is asked for or changed, not in lists.</summary>
public sealed record AppointmentResponse(
    string Reference,
    string Status,
    CustomerSummary Customer,
    CodeAndName Service,
    CodeAndName Resource,
    DateTimeOffset Start,
    DateTimeOffset End,
    int RescheduleCount,
    string? Notes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<AppointmentChangeResponse>? History);

public sealed record CustomerSummary(Guid Id, string Name, string? Phone);

public sealed record CodeAndName(string Code, string Name);

/// <summary>One change: <c>kind</c> is created, imported, rescheduled, cancelled, completed, noShow or updated; <c>actor</c> bot, admin or import.</summary>
public sealed record AppointmentChangeResponse(
    DateTimeOffset At,
    string Kind,
    string Actor,
    string? Reason,
    DateTimeOffset? FromStart,
    DateTimeOffset? ToStart,
    string? FromResource,
    string? ToResource);

public sealed record AppointmentPage(IReadOnlyList<AppointmentResponse> Items, int Page, int PageSize, int Total);
