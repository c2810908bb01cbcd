using System.Globalization;
using System.Text.RegularExpressions;

namespace ConciergeBot.Language;

/// <summary>
/// Dates and times written with digits, in either language: "2026-12-05 14:00", "5/12", "5/12/2026 10.30",
/// "14:00" (day/month order, as in Indonesia). A bare date is the whole day; a bare time is its next
/// occurrence; a date without a year is the next one that is not past. Natural language
/// ("besok jam 3 sore") is the full resolver's job; this one knows only numbers.
/// </summary>
public sealed partial class NumericDateTimeResolver : IDateTimeResolver
{
    public DateTimeRecognition Recognize(string text, DateTimeOffset reference, TimeZoneInfo zone, string language)
    {
        var localNow = TimeZoneInfo.ConvertTime(reference, zone);
        DateOnly? date = null;
        var explicitYear = false;

        var iso = IsoDate().Match(text);
        var dayMonth = DayMonth().Match(text);
        if (iso.Success && TryDate(int.Parse(iso.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["d"].Value, CultureInfo.InvariantCulture), out var isoDate))
        {
            date = isoDate;
            explicitYear = true;
        }
        else if (dayMonth.Success)
        {
            var day = int.Parse(dayMonth.Groups["d"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(dayMonth.Groups["m"].Value, CultureInfo.InvariantCulture);
            explicitYear = dayMonth.Groups["y"].Success;
            var year = explicitYear ? ExpandYear(int.Parse(dayMonth.Groups["y"].Value, CultureInfo.InvariantCulture)) : localNow.Year;
            if (!TryDate(year, month, day, out var dm))
            {
                return DateTimeRecognition.None;
            }

            if (!explicitYear && dm < DateOnly.FromDateTime(localNow.DateTime))
            {
                TryDate(year + 1, month, day, out dm);
            }

            date = dm;
        }

        var rest = iso.Success ? text.Remove(iso.Index, iso.Length) : dayMonth.Success ? text.Remove(dayMonth.Index, dayMonth.Length) : text;
        var clock = Clock().Match(rest);
        TimeOnly? time = null;
        if (clock.Success)
        {
            var hour = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(clock.Groups["min"].Value, CultureInfo.InvariantCulture);
            if (hour > 23 || minute > 59)
            {
                return DateTimeRecognition.None;
            }

            time = new TimeOnly(hour, minute);
        }

        if (date is null && time is null)
        {
            return DateTimeRecognition.None;
        }

        if (date is { } day1 && time is null)
        {
            var start = ToInstant(day1, TimeOnly.MinValue, zone);
            return new([new DateTimeCandidate(start, ToInstant(day1.AddDays(1), TimeOnly.MinValue, zone))]);
        }

        var on = date ?? DateOnly.FromDateTime(localNow.DateTime);
        var at = ToInstant(on, time!.Value, zone);
        if (date is null && at <= reference)
        {
            at = ToInstant(on.AddDays(1), time.Value, zone);
        }

        return new([new DateTimeCandidate(at)]);
    }

    private static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Skipped by a daylight-saving jump: the same wall time an hour later exists.
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int ExpandYear(int year) => year < 100 ? 2000 + year : year;

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})/(?<m>\d{1,2})(?:/(?<y>\d{2}|\d{4}))?\b")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<h>\d{1,2})[:.](?<min>\d{2})\b")]
    private static partial Regex Clock();
}
