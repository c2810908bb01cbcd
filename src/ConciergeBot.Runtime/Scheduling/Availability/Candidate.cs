namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// A free start found while searching: the instant (UTC ticks), the local offsets at its start and at the
/// end of the service (they differ when it runs across a DST change), and the resource's rank in the search.
/// </summary>
internal readonly record struct Candidate(long Start, long Offset, long EndOffset, int Rank);

/// <summary>Time order; at one start, the better-ranked resource (the preferred one) first.</summary>
internal readonly struct CandidateOrder : IComparer<Candidate>
{
    public int Compare(Candidate x, Candidate y)
    {
        var byStart = x.Start.CompareTo(y.Start);
        return byStart != 0 ? byStart : x.Rank.CompareTo(y.Rank);
    }
}
