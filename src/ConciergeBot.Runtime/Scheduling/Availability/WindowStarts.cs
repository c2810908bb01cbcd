namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// A few good starts inside a window the customer named ("Thursday morning", "next week").
/// <list type="number">
/// <item>The picks go round the days that have a free start, earliest day first, one per day per round:
/// with at least as many such days as picks, one start on each of the first days; otherwise the earlier
/// days take the extra picks (a day never takes more than it has).</item>
/// <item>Within one day the picks spread from the earliest free start: each next pick is the first free start
/// at least (last free start − first free start) / picks after the previous one (and at least one grid
/// step); if that leaves picks over, the earliest starts not yet picked fill them.</item>
/// </list>
/// One resource per start (the preferred one when it is free then); returned in time order.
/// </summary>
internal static class WindowStarts
{
    public static IReadOnlyList<Slot> Find(SlotSearch search, long from, long to, long grid, int count)
    {
        if (count <= 0 || search.Dates(from, to) is not var (first, last))
        {
            return [];
        }

        // All the window's distinct starts, day after day; days[i] is where day i begins in it.
        var starts = new List<Candidate>();
        var days = new List<int>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var begin = starts.Count;
            search.ScanDay(date, from, to, starts);
            SlotSearch.KeepDistinctStarts(starts, begin);
            if (starts.Count > begin)
            {
                days.Add(begin);
            }
        }

        days.Add(starts.Count);
        var quota = Quotas(days, count);
        var picks = new List<Candidate>(count);
        for (var i = 0; i < quota.Length; i++)
        {
            Spread(starts, days[i], days[i + 1], quota[i], grid, picks);
        }

        picks.Sort(new CandidateOrder());
        return [.. picks.Select(search.ToSlot)];
    }

    private static int[] Quotas(List<int> days, int count)
    {
        var quota = new int[days.Count - 1];
        var left = count;
        var more = true;
        while (left > 0 && more)
        {
            more = false;
            for (var i = 0; i < quota.Length && left > 0; i++)
            {
                if (quota[i] < days[i + 1] - days[i])
                {
                    quota[i]++;
                    left--;
                    more = true;
                }
            }
        }

        return quota;
    }

    private static void Spread(List<Candidate> starts, int begin, int end, int quota, long grid, List<Candidate> picks)
    {
        if (quota == 0)
        {
            return;
        }

        var gap = Math.Max(grid, (starts[end - 1].Start - starts[begin].Start) / quota);
        var taken = new bool[end - begin];
        var picked = 0;
        var next = long.MinValue;
        for (var i = begin; i < end && picked < quota; i++)
        {
            if (starts[i].Start >= next)
            {
                picks.Add(starts[i]);
                taken[i - begin] = true;
                picked++;
                next = starts[i].Start + gap;
            }
        }

        for (var i = begin; i < end && picked < quota; i++)
        {
            if (!taken[i - begin])
            {
                picks.Add(starts[i]);
                picked++;
            }
        }
    }
}
