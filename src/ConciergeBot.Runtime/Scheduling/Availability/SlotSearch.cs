using System.Runtime.InteropServices;

namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// One request against one snapshot: the resources that may take it (the preferred one first, then in the
/// snapshot's order), the busy time each shows this request, and the earliest and latest allowed start.
/// Everything inside is UTC ticks; candidates are structs in a caller's list, so rejected starts cost no allocation.
/// </summary>
internal sealed class SlotSearch
{
    private readonly ScheduleIndex _index;
    private readonly ResourceSchedule[] _resources;
    private readonly BusyIntervals[] _busy;
    private readonly long _grid;
    private readonly long _duration;
    private readonly long _bufferBefore;
    private readonly long _bufferAfter;

    public SlotSearch(ScheduleIndex index, SlotRules rules, SlotRequest request)
    {
        _index = index;
        _grid = rules.SlotInterval.Ticks;
        _duration = request.Service.Duration.Ticks;
        _bufferBefore = request.Service.BufferBefore.Ticks;
        _bufferAfter = request.Service.BufferAfter.Ticks;
        Earliest = request.Now.UtcTicks + rules.MinimumNotice.Ticks;
        var latest = request.Now.UtcTicks + rules.Horizon.Ticks;
        if (request.Latest is { } limit)
        {
            latest = Math.Min(latest, limit.UtcTicks);
        }

        End = latest == long.MaxValue ? latest : latest + 1;

        var chosen = new List<ResourceSchedule>();
        foreach (var resource in index.Resources)
        {
            if (!resource.ServiceIds.Contains(request.Service.ServiceId)
                || (request.ResourceId is { } only && resource.Id != only))
            {
                continue;
            }

            if (resource.Id == request.PreferredResourceId)
            {
                chosen.Insert(0, resource);
            }
            else
            {
                chosen.Add(resource);
            }
        }

        _resources = [.. chosen];
        _busy = new BusyIntervals[_resources.Length];
        for (var i = 0; i < _resources.Length; i++)
        {
            _busy[i] = _resources[i].BusyFor(request.MovingAppointmentId, request.Holder);
        }
    }

    /// <summary>The earliest allowed start (now plus the minimum notice).</summary>
    public long Earliest { get; }

    /// <summary>Just after the latest allowed start (the horizon or the request's latest, whichever is sooner).</summary>
    public long End { get; }

    public ScheduleIndex Index => _index;

    /// <summary>
    /// Adds the free starts in [<paramref name="from"/>, <paramref name="to"/>) that belong to one local date,
    /// within the allowed starts, in time order and, at one start, in resource rank order.
    /// </summary>
    public void ScanDay(DateOnly date, long from, long to, List<Candidate> into)
    {
        from = Math.Max(from, Earliest);
        to = Math.Min(to, End);
        if (from >= to)
        {
            return;
        }

        var day = _index.Day(date);
        var first = into.Count;
        for (var rank = 0; rank < _resources.Length; rank++)
        {
            var busy = _busy[rank];
            var cursor = -1;
            foreach (var interval in _index.HoursOn(_resources[rank], date))
            {
                var closes = day.Bound(interval.Closes);
                if (closes - _duration < from || day.Bound(interval.Opens) >= to)
                {
                    continue;
                }

                for (var wall = interval.Opens; wall < interval.Closes; wall += _grid)
                {
                    if (!day.TryStart(wall, out var start, out var offset))
                    {
                        continue;
                    }

                    if (start + _duration > closes || start >= to)
                    {
                        break;
                    }

                    if (start < from)
                    {
                        // On an ordinary day wall time and instants move together: jump to the first start
                        // that is late enough instead of stepping there.
                        if (day.IsUniform)
                        {
                            wall += ((from - start - 1) / _grid) * _grid;
                        }

                        continue;
                    }

                    if (!busy.Overlaps(start - _bufferBefore, start + _duration + _bufferAfter, ref cursor))
                    {
                        into.Add(new Candidate(start, offset, day.OffsetAt(start + _duration), rank));
                    }
                }
            }
        }

        CollectionsMarshal.AsSpan(into)[first..].Sort(new CandidateOrder());
    }

    /// <summary>The best-ranked resource free at exactly this start, on or off the grid.</summary>
    public Candidate? At(long start)
    {
        if (start < Earliest || start >= End)
        {
            return null;
        }

        var date = _index.DateOf(start);
        var day = _index.Day(date);
        for (var rank = 0; rank < _resources.Length; rank++)
        {
            foreach (var interval in _index.HoursOn(_resources[rank], date))
            {
                if (day.Bound(interval.Opens) <= start && start + _duration <= day.Bound(interval.Closes))
                {
                    if (!_busy[rank].Overlaps(start - _bufferBefore, start + _duration + _bufferAfter))
                    {
                        return new Candidate(start, day.OffsetAt(start), day.OffsetAt(start + _duration), rank);
                    }

                    break;
                }
            }
        }

        return null;
    }

    public Slot ToSlot(Candidate candidate)
    {
        var end = candidate.Start + _duration;
        return new Slot(
            _resources[candidate.Rank].Id,
            new DateTimeOffset(candidate.Start + candidate.Offset, TimeSpan.FromTicks(candidate.Offset)),
            new DateTimeOffset(end + candidate.EndOffset, TimeSpan.FromTicks(candidate.EndOffset)));
    }

    /// <summary>The local dates that can hold a start in [from, to) after clamping to the allowed starts; empty when none can.</summary>
    public (DateOnly First, DateOnly Last)? Dates(long from, long to)
    {
        from = Math.Max(from, Earliest);
        to = Math.Min(to, End);
        return from < to ? (_index.DateOf(from), _index.DateOf(to - 1)) : null;
    }

    /// <summary>Keeps the first candidate of each start time (the best-ranked resource) from a time-ordered run.</summary>
    public static void KeepDistinctStarts(List<Candidate> candidates, int first)
    {
        var kept = first;
        for (var i = first; i < candidates.Count; i++)
        {
            if (kept == first || candidates[kept - 1].Start != candidates[i].Start)
            {
                candidates[kept++] = candidates[i];
            }
        }

        candidates.RemoveRange(kept, candidates.Count - kept);
    }
}
