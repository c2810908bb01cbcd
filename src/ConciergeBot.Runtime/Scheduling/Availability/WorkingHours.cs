namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// Turns the stored hours of a day into sorted, disjoint working intervals. A closing time of 00:00
/// means midnight at the end of the day (a TimeOnly cannot say 24:00); any other closing time at or
/// before the opening time is ignored, because an interval never runs into the next day.
/// </summary>
internal static class WorkingHours
{
    /// <summary>The weekly hours of one weekday minus that day's breaks and the every-day breaks.</summary>
    public static WallInterval[] OnWeekday(IReadOnlyList<WeeklyHours> hours, IReadOnlyList<WeeklyBreak> breaks, DayOfWeek day)
    {
        var open = new List<WallInterval>();
        foreach (var h in hours)
        {
            if (h.Day == day)
            {
                Add(open, h.Opens, h.Closes);
            }
        }

        var closed = new List<WallInterval>();
        foreach (var b in breaks)
        {
            if (b.Day is null || b.Day == day)
            {
                Add(closed, b.Start, b.End);
            }
        }

        return Subtract(Union(open), Union(closed));
    }

    /// <summary>
    /// The hours of a date override's rows, added up. The override replaces the whole day, weekly breaks
    /// included: a business that wants a break on such a day writes two rows. Rows without hours add nothing,
    /// so a date with only those is closed.
    /// </summary>
    public static WallInterval[] OnDate(IEnumerable<ScheduleOverride> rows)
    {
        var open = new List<WallInterval>();
        foreach (var row in rows)
        {
            if (row is { Opens: { } opens, Closes: { } closes })
            {
                Add(open, opens, closes);
            }
        }

        return [.. Union(open)];
    }

    /// <summary>Override rows grouped by date, each date's hours added up.</summary>
    public static Dictionary<DateOnly, WallInterval[]> ByDate(IEnumerable<ScheduleOverride> rows) =>
        rows.GroupBy(row => row.Date).ToDictionary(date => date.Key, OnDate);

    private static void Add(List<WallInterval> into, TimeOnly opens, TimeOnly closes)
    {
        var end = closes == TimeOnly.MinValue ? TimeSpan.TicksPerDay : closes.Ticks;
        if (end > opens.Ticks)
        {
            into.Add(new WallInterval(opens.Ticks, end));
        }
    }

    /// <summary>Overlapping and touching intervals become one: 09–12 and 12–17 is one working interval.</summary>
    private static List<WallInterval> Union(List<WallInterval> intervals)
    {
        intervals.Sort(static (a, b) => a.Opens.CompareTo(b.Opens));
        var merged = new List<WallInterval>(intervals.Count);
        foreach (var next in intervals)
        {
            if (merged.Count > 0 && next.Opens <= merged[^1].Closes)
            {
                var last = merged[^1];
                merged[^1] = last with { Closes = Math.Max(last.Closes, next.Closes) };
            }
            else
            {
                merged.Add(next);
            }
        }

        return merged;
    }

    private static WallInterval[] Subtract(List<WallInterval> open, List<WallInterval> closed)
    {
        var result = new List<WallInterval>(open.Count + closed.Count);
        foreach (var interval in open)
        {
            var from = interval.Opens;
            foreach (var gap in closed)
            {
                if (gap.Closes <= from || gap.Opens >= interval.Closes)
                {
                    continue;
                }

                if (gap.Opens > from)
                {
                    result.Add(new WallInterval(from, gap.Opens));
                }

                from = Math.Max(from, gap.Closes);
            }

            if (from < interval.Closes)
            {
                result.Add(new WallInterval(from, interval.Closes));
            }
        }

        return [.. result];
    }
}
