namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// The free starts closest to a time the customer asked for that is taken or outside the hours.
/// <list type="number">
/// <item>Days are searched outward from the target's date (the same date, then a day before and after, …),
/// at most <see cref="SearchDays"/> days each way, and only as far as needed.</item>
/// <item>Ranking: the nearer date first; then, on any date, the clock time nearest the target's clock time,
/// where a start in another part of the day (morning, midday, late afternoon, evening, night) counts
/// <see cref="OtherPartPenalty"/> further away; at an equal distance the start after the target first.
/// The target itself, when it is free after all, ranks first.</item>
/// <item>With room for two or more, an earlier and a later start are both offered when both exist on the
/// target's date or the day next to it: the best one of the missing side replaces the weakest pick.</item>
/// </list>
/// One resource per start (the preferred one when it is free then); returned in time order.
/// </summary>
internal static class NearestStarts
{
    public const int SearchDays = 14;

    private static readonly long OtherPartPenalty = TimeSpan.FromHours(2).Ticks;

    public static IReadOnlyList<Slot> Find(SlotSearch search, long target, int count)
    {
        var dates = search.Dates(long.MinValue, long.MaxValue);
        if (count <= 0 || dates is not var (first, last))
        {
            return [];
        }

        var index = search.Index;
        var targetDate = index.DateOf(target);
        var targetDay = index.Day(targetDate);
        var targetWall = target + targetDay.OffsetAt(target) - targetDay.MidnightTicks;
        var targetPart = PartOfDay.Of(targetWall);

        var day = new List<Candidate>();
        var ranked = new List<Ranked>();
        for (var distance = 0; distance <= SearchDays; distance++)
        {
            var before = targetDate.AddDays(-distance);
            var after = targetDate.AddDays(distance);
            if (before < first && after > last)
            {
                break;
            }

            foreach (var date in distance == 0 ? [targetDate] : (DateOnly[])[before, after])
            {
                if (date < first || date > last)
                {
                    continue;
                }

                day.Clear();
                search.ScanDay(date, long.MinValue, long.MaxValue, day);
                SlotSearch.KeepDistinctStarts(day, 0);
                foreach (var candidate in day)
                {
                    var wall = candidate.Start + candidate.Offset - (date.DayNumber * TimeSpan.TicksPerDay);
                    var closeness = Math.Abs(wall - targetWall) + (PartOfDay.Of(wall) == targetPart ? 0 : OtherPartPenalty);
                    ranked.Add(new Ranked(candidate, distance, closeness, candidate.Start.CompareTo(target)));
                }
            }

            if (ranked.Count >= count && (distance >= 1 || HasBothSides(ranked)))
            {
                break;
            }
        }

        ranked.Sort(static (a, b) =>
            a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance)
            : a.Closeness != b.Closeness ? a.Closeness.CompareTo(b.Closeness)
            : a.Side != b.Side ? b.Side.CompareTo(a.Side)
            : a.Candidate.Start.CompareTo(b.Candidate.Start));

        var picks = ranked.Take(count).ToList();
        if (count >= 2)
        {
            OfferBothSides(picks, ranked, missing: -1);
            OfferBothSides(picks, ranked, missing: 1);
        }

        picks.Sort(static (a, b) => a.Candidate.Start.CompareTo(b.Candidate.Start));
        return [.. picks.Select(pick => search.ToSlot(pick.Candidate))];
    }

    private static bool HasBothSides(List<Ranked> ranked) =>
        ranked.Exists(r => r.Side < 0) && ranked.Exists(r => r.Side > 0);

    /// <summary>When no pick is on the <paramref name="missing"/> side of the target (-1 earlier, 1 later), brings in the best close one.</summary>
    private static void OfferBothSides(List<Ranked> picks, List<Ranked> ranked, int missing)
    {
        if (picks.Exists(p => p.Side == missing))
        {
            return;
        }

        var best = ranked.FindIndex(r => r.Side == missing && r.Distance <= 1);
        // Never at the cost of the other side's only pick (possible when the target itself is free).
        if (best < 0 || picks.Count(p => p.Side == -missing) < 2)
        {
            return;
        }

        var weakest = picks.FindLastIndex(p => p.Side == -missing);
        picks.RemoveAt(weakest);
        picks.Add(ranked[best]);
    }

    /// <param name="Distance">Days from the target's date.</param>
    /// <param name="Closeness">How far the clock time is from the target's, with the part-of-day penalty.</param>
    /// <param name="Side">-1 before the target, 0 at it, 1 after it.</param>
    private readonly record struct Ranked(Candidate Candidate, int Distance, long Closeness, int Side);
}
