namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// One resource's busy time as sorted, disjoint intervals (UTC ticks): a candidate is checked with one
/// binary search, or, when candidates come in time order, by moving a cursor forward.
/// </summary>
internal sealed class BusyIntervals
{
    public static BusyIntervals None { get; } = new([], [], 0);

    private readonly long[] _starts;
    private readonly long[] _ends;

    private BusyIntervals(long[] starts, long[] ends, int count)
    {
        _starts = starts;
        _ends = ends;
        Count = count;
    }

    public int Count { get; }

    /// <summary>Merges the busy times (sorted by start) that are not skipped.</summary>
    public static BusyIntervals Merge(IReadOnlyList<BusyTime> sorted, Func<BusyTime, bool>? skip = null)
    {
        var starts = new long[sorted.Count];
        var ends = new long[sorted.Count];
        var count = 0;
        foreach (var busy in sorted)
        {
            long start = busy.Start.UtcTicks, end = busy.End.UtcTicks;
            if (end <= start || (skip is not null && skip(busy)))
            {
                continue;
            }

            if (count > 0 && start <= ends[count - 1])
            {
                ends[count - 1] = Math.Max(ends[count - 1], end);
                continue;
            }

            starts[count] = start;
            ends[count] = end;
            count++;
        }

        return count == 0 ? None : new BusyIntervals(starts, ends, count);
    }

    /// <summary>Whether [from, to) overlaps busy time; touching is not overlapping, as in the database's check.</summary>
    public bool Overlaps(long from, long to)
    {
        var i = FirstEndingAfter(from);
        return i < Count && _starts[i] < to;
    }

    /// <summary>
    /// Like <see cref="Overlaps"/> for a caller that asks about ever later intervals: <paramref name="cursor"/>
    /// starts at -1 and only moves forward.
    /// </summary>
    public bool Overlaps(long from, long to, ref int cursor)
    {
        if (cursor < 0)
        {
            cursor = FirstEndingAfter(from);
        }
        else
        {
            while (cursor < Count && _ends[cursor] <= from)
            {
                cursor++;
            }
        }

        return cursor < Count && _starts[cursor] < to;
    }

    private int FirstEndingAfter(long instant)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_ends[middle] <= instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
