using System.Globalization;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>A report's <c>?from=&amp;to=</c>: times, or dates meaning whole days; by default the <paramref name="defaultDays"/> days up to the end of today.</summary>
internal static class ReportPeriod
{
    public static bool TryParse(string? from, string? to, TimeZoneInfo zone, TimeProvider clock, int defaultDays, ValidationErrors errors, out DateTime start, out DateTime end)
    {
        var today = BusinessTime.Today(clock, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!BusinessTime.TryParseRangeEnd(to ?? today, zone, out end, out var toError))
        {
            errors.Add("to", toError);
        }

        start = end.AddDays(-defaultDays);
        if (from is not null && !BusinessTime.TryParseRangeStart(from, zone, out start, out var fromError))
        {
            errors.Add("from", fromError);
        }

        if (!errors.Any && end < start)
        {
            errors.Add("to", "Must not be before 'from'.");
        }

        return !errors.Any;
    }
}
