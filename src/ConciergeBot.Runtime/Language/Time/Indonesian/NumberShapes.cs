using System.Globalization;

namespace ConciergeBot.Language.Time.Indonesian;

/// <summary>
/// Reads the shape of a number token: "3", "16.00" or "10:30" (a clock: a dot separates hours and
/// minutes in Indonesia), "5/12" or "05-12-2026" (day first), "2026-12-05", "3-5" (a range of hours).
/// </summary>
internal static class NumberShapes
{
    public static bool TryInteger(Token token, out int value)
    {
        value = 0;
        return token.IsNumber && token.Value.Length <= 4 && token.Value.All(char.IsAsciiDigit) && Parse(token.Value, out value);
    }

    /// <summary>Hours and two-digit minutes; <paramref name="leadingZero"/> for "09.00", which is written on a 24-hour clock.</summary>
    public static bool TryClock(Token token, out int hour, out int minute, out bool leadingZero)
    {
        hour = minute = 0;
        leadingZero = false;
        var parts = Split(token, out var separators);
        if (parts.Length != 2 || separators[0] is not ('.' or ':') || parts[0].Length > 2 || parts[1].Length != 2)
        {
            return false;
        }

        leadingZero = parts[0].Length == 2 && parts[0][0] == '0';
        return Parse(parts[0], out hour) && Parse(parts[1], out minute) && hour <= 24 && minute <= 59;
    }

    /// <summary>"3-5" after "jam": a range of hours.</summary>
    public static bool TryHourRange(Token token, out int from, out int to)
    {
        from = to = 0;
        var parts = Split(token, out var separators);
        return parts.Length == 2 && separators[0] == '-' && parts[0].Length <= 2 && parts[1].Length <= 2
            && Parse(parts[0], out from) && Parse(parts[1], out to) && from <= 24 && to <= 24;
    }

    /// <summary>"5-7" before a month name: a range of days.</summary>
    public static bool TryDayRange(Token token, out int from, out int to)
    {
        from = to = 0;
        var parts = Split(token, out var separators);
        return parts.Length == 2 && separators[0] == '-' && parts[0].Length <= 2 && parts[1].Length <= 2
            && Parse(parts[0], out from) && Parse(parts[1], out to) && from >= 1 && to > from && to <= 31;
    }

    /// <summary>A date written with digits, day first: "5/12", "5-12-26", "05.12.2026", "2026-12-05".</summary>
    public static bool TryDate(Token token, out int day, out int month, out int? year, out char separator)
    {
        day = month = 0;
        year = null;
        separator = ' ';
        var parts = Split(token, out var separators);
        if (parts.Length is < 2 or > 3 || separators.Distinct().Count() != 1)
        {
            return false;
        }

        separator = separators[0];
        if (separator == ':' || (separator == '.' && parts.Length == 2))
        {
            return false;
        }

        if (parts.Length == 3 && parts[0].Length == 4)
        {
            year = int.Parse(parts[0], CultureInfo.InvariantCulture);
            return Parse(parts[1], out month) && Parse(parts[2], out day) && parts[1].Length <= 2 && parts[2].Length <= 2 && IsDayMonth(day, month);
        }

        if (parts[0].Length > 2 || parts[1].Length > 2 || !Parse(parts[0], out day) || !Parse(parts[1], out month) || !IsDayMonth(day, month))
        {
            return false;
        }

        if (parts.Length == 3)
        {
            if (parts[2].Length is not (2 or 4))
            {
                return false;
            }

            var y = int.Parse(parts[2], CultureInfo.InvariantCulture);
            year = y < 100 ? 2000 + y : y;
        }

        return true;
    }

    public static bool TryYear(Token token, out int year) =>
        TryInteger(token, out year) && token.Value.Length == 4 && year is >= 1900 and <= 2100;

    /// <summary>A day of the month: "3", "03", "3rd".</summary>
    public static bool TryDayOfMonth(Token token, out int day) =>
        TryInteger(token, out day) && day is >= 1 and <= 31 && token.Suffix is "" or "st" or "nd" or "rd" or "th";

    private static bool IsDayMonth(int day, int month) => day is >= 1 and <= 31 && month is >= 1 and <= 12;

    private static bool Parse(string digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static string[] Split(Token token, out List<char> separators)
    {
        separators = [];
        if (!token.IsNumber)
        {
            return [];
        }

        foreach (var c in token.Value)
        {
            if (!char.IsAsciiDigit(c))
            {
                separators.Add(c);
            }
        }

        return separators.Count == 0 ? [token.Value] : token.Value.Split(['.', ':', '/', '-']);
    }
}
