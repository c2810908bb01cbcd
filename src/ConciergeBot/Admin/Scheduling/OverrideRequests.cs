namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// The hours of one date instead of the weekly ones: closed all day when <c>opens</c> and <c>closes</c>
/// are left out (a holiday), else those hours (extra or shorter). For the whole business when
/// <c>resource</c> is null, else for that resource's code. <c>date</c> is "2026-12-25".
/// </summary>
public sealed record OverrideRequest(string? Date, string? Resource = null, string? Opens = null, string? Closes = null, string? Reason = null);

public sealed record OverrideResponse(long Id, DateOnly Date, string? Resource, bool Closed, string? Opens, string? Closes, string? Reason);
