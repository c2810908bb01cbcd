using ConciergeBot.Scheduling;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>Statuses and change kinds as the API writes them (camelCase, like every JSON name here).</summary>
internal static class StatusNames
{
    public static string Of(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "booked",
        AppointmentStatus.Completed => "completed",
        AppointmentStatus.Cancelled => "cancelled",
        AppointmentStatus.NoShow => "noShow",
        _ => status.ToString(),
    };

    public static string Of(AppointmentChangeKind kind) => kind switch
    {
        AppointmentChangeKind.NoShow => "noShow",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads a status the way people and booking systems write it: "booked", "No-Show", "no_show", "noshow", "canceled".</summary>
    public static AppointmentStatus? Parse(string? text)
    {
        var key = text?.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return key switch
        {
            "booked" or "confirmed" or "scheduled" => AppointmentStatus.Booked,
            "completed" or "done" => AppointmentStatus.Completed,
            "cancelled" or "canceled" => AppointmentStatus.Cancelled,
            "noshow" => AppointmentStatus.NoShow,
            _ => null,
        };
    }
}
