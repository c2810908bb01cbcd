using System.Globalization;

namespace ConciergeBot.CheckIns;

/// <summary>
/// The local hours when no bot-initiated message goes out ("21:00-08:00", across midnight): a
/// contact due then waits for the morning. Pure: an instant and a time zone in, an instant out.
/// </summary>
public sealed record QuietHours(TimeOnly From, TimeOnly Until)
{
    public static QuietHours None { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue);

    /// <summary>"21:00-08:00"; empty for none.</summary>
    public static QuietHours Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            throw new FormatException($"Quiet hours are a range like \"21:00-08:00\", not \"{text}\".");
        }

        return new QuietHours(from, until);
    }

    public bool Contains(DateTimeOffset instant, TimeZoneInfo zone)
    {
        if (From == Until)
        {
            return false;
        }

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return From < Until ? local >= From && local < Until : local >= From || local < Until;
    }

    /// <summary>The first moment at or after <paramref name="instant"/> outside the quiet hours.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, TimeZoneInfo zone)
    {
        if (!Contains(instant, zone))
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        // Past midnight the morning is today's; before midnight it is tomorrow's.
        var morningDay = From > Until && TimeOnly.FromDateTime(local.DateTime) >= From ? day.AddDays(1) : day;
        var morning = morningDay.ToDateTime(Until);
        // A morning that a DST jump skipped starts at the first valid local time after it.
        while (zone.IsInvalidTime(morning))
        {
            morning = morning.AddMinutes(30);
        }

        return new DateTimeOffset(morning, zone.GetUtcOffset(morning));
    }
}
