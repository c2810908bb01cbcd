using System.Globalization;
using System.Text.RegularExpressions;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// Times cross the admin API as ISO 8601 text. With an offset (or Z) a time is an instant; without
/// one it is a wall-clock time in the business's zone, which is what a person or a booking system's
/// export usually writes ("2026-12-01T09:00", "2026-12-01 09:00"). Answers carry the business's offset.
/// </summary>
internal static partial class BusinessTime
{
    private static readonly string[] WithOffset =
    [
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    private static readonly string[] Local =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    public const string Expected = "an ISO 8601 time such as 2026-12-01T09:00:00+07:00, or 2026-12-01T09:00 in the business's time zone";

    /// <summary>The instant <paramref name="text"/> names, in UTC; an error message when it names none.</summary>
    public static bool TryParseInstant(string? text, TimeZoneInfo zone, out DateTime utc, out string error)
    {
        utc = default;
        error = $"Expected {Expected}.";
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            error = "Required.";
            return false;
        }

        if (OffsetAtEnd().IsMatch(value))
        {
            if (!DateTimeOffset.TryParseExact(value, WithOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return false;
            }

            utc = instant.UtcDateTime;
            return true;
        }

        if (!DateTime.TryParseExact(value, Local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        return TryLocalToUtc(local, zone, out utc, out error);
    }

    /// <summary>Where a period starts: a time as above, or a date meaning its first moment in the business's zone.</summary>
    public static bool TryParseRangeStart(string text, TimeZoneInfo zone, out DateTime utc, out string error) =>
        TryParseDate(text, out var date)
            ? TryLocalToUtc(date.ToDateTime(TimeOnly.MinValue), zone, out utc, out error)
            : TryParseInstant(text, zone, out utc, out error);

    /// <summary>Where a period ends (exclusive): a time as above, or a date meaning the whole of that day is included.</summary>
    public static bool TryParseRangeEnd(string text, TimeZoneInfo zone, out DateTime utc, out string error) =>
        TryParseDate(text, out var date)
            ? TryLocalToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), zone, out utc, out error)
            : TryParseInstant(text, zone, out utc, out error);

    public static DateTimeOffset ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);

    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    /// <summary>A time of day as "08:00" (seconds allowed).</summary>
    public static bool TryParseClock(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string Clock(TimeOnly time) => time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// "monday" … "sunday" or "mon" … "sun", any case. Numbers are refused (weeks start on different days
    /// in different places), and so are lists, which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would add up.
    /// </summary>
    public static bool TryParseDay(string? text, out DayOfWeek day)
    {
        var name = text?.Trim() ?? "";
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var full = candidate.ToString();
            if (name.Equals(full, StringComparison.OrdinalIgnoreCase) || name.Equals(full[..3], StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }

    public static string DayName(DayOfWeek day) => day.ToString().ToLowerInvariant();

    private static bool TryLocalToUtc(DateTime local, TimeZoneInfo zone, out DateTime utc, out string error)
    {
        utc = default;
        error = "";
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            error = $"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (the clocks skip it); give an offset.";
            return false;
        }

        utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return true;
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetAtEnd();
}
