using System.Globalization;

namespace ConciergeBot.Handoff;

/// <summary>
/// Whether people answer at a moment, and when they next will: the staffed weekly hours, minus
/// closed dates, and (when shifts are configured) only while someone's shift runs. Computed in the
/// business's wall time.
/// </summary>
public sealed class StaffedHours
{
    private const int DaysLookedAhead = 21;

    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<DayOfWeek, WallRange[]> _desk;
    private readonly HashSet<DateOnly> _closed;
    private readonly List<Dictionary<DayOfWeek, WallRange[]>> _shifts;

    public StaffedHours(HandoffOptions options, TimeZoneInfo zone)
    {
        _zone = zone;
        _desk = Weekly(options.StaffedHours);
        _closed = [.. options.Closed];
        _shifts = [.. options.Shifts.Values.Select(Weekly)];
    }

    /// <summary>True when no staffed hours are configured at all: people answer around the clock.</summary>
    public bool AroundTheClock => _desk.Count == 0 && _shifts.Count == 0;

    public bool IsStaffed(DateTimeOffset instant)
    {
        if (AroundTheClock)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(instant, _zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return !_closed.Contains(date)
            && (_desk.Count == 0 || Covers(_desk, date.DayOfWeek, time))
            && (_shifts.Count == 0 || _shifts.Any(s => Covers(s, date.DayOfWeek, time)));
    }

    /// <summary>The next moment after <paramref name="instant"/> when people answer, in the business's time; null if none in three weeks.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        for (var d = 0; d < DaysLookedAhead; d++)
        {
            var date = today.AddDays(d);
            var starts = _desk.GetValueOrDefault(date.DayOfWeek, []).Select(r => r.From)
                .Concat(_shifts.SelectMany(s => s.GetValueOrDefault(date.DayOfWeek, []).Select(r => r.From)))
                .Distinct()
                .Order();
            foreach (var start in starts)
            {
                var wall = date.ToDateTime(start);
                if (_zone.IsInvalidTime(wall))
                {
                    continue;
                }

                var candidate = new DateTimeOffset(wall, _zone.GetUtcOffset(wall));
                if (candidate > instant && IsStaffed(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static bool Covers(Dictionary<DayOfWeek, WallRange[]> week, DayOfWeek day, TimeOnly time) =>
        week.TryGetValue(day, out var ranges) && ranges.Any(r => time >= r.From && time < r.To);

    private static Dictionary<DayOfWeek, WallRange[]> Weekly(Dictionary<DayOfWeek, string> days) =>
        days.Where(d => !string.IsNullOrWhiteSpace(d.Value)).ToDictionary(d => d.Key, d => Parse(d.Value));

    /// <summary>"08:00-12:00, 13:00-17:00"; "24:00" ends a range at midnight.</summary>
    public static WallRange[] Parse(string ranges) =>
        ranges.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(range =>
            {
                var parts = range.Split('-', StringSplitOptions.TrimEntries);
                if (parts.Length != 2)
                {
                    throw new FormatException($"'{range}' is not a range like 08:00-17:00.");
                }

                var from = TimeOnly.Parse(parts[0], CultureInfo.InvariantCulture);
                var to = parts[1] is "24:00" ? TimeOnly.MaxValue : TimeOnly.Parse(parts[1], CultureInfo.InvariantCulture);
                if (to <= from)
                {
                    throw new FormatException($"'{range}' ends before it starts.");
                }

                return new WallRange(from, to);
            })
            .ToArray();
}

public readonly record struct WallRange(TimeOnly From, TimeOnly To);
