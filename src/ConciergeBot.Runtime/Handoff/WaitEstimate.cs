namespace ConciergeBot.Handoff;

/// <summary>
/// An honest waiting time: from the agents online now, the conversations each may hold, and how long
/// recent conversations took to handle. No figure at all when there is too little history or nobody
/// online, rather than a made-up one.
/// </summary>
public static class WaitEstimate
{
    /// <param name="ahead">Customers before this one in the queue.</param>
    /// <param name="freeSeats">Conversations the online agents can still take right now.</param>
    /// <param name="seats">Conversations the online agents can hold at once in total.</param>
    /// <param name="recentHandlingTimes">How long recent conversations took from claim to close.</param>
    public static TimeSpan? For(int ahead, int freeSeats, int seats, IReadOnlyCollection<TimeSpan> recentHandlingTimes, int minimumHistory)
    {
        if (seats <= 0 || recentHandlingTimes.Count < minimumHistory || recentHandlingTimes.Count == 0)
        {
            return null;
        }

        if (ahead < freeSeats)
        {
            return TimeSpan.Zero;
        }

        // Each seat frees up once per average handling time; this customer needs (ahead - free + 1) of them.
        var average = TimeSpan.FromTicks((long)recentHandlingTimes.Average(t => t.Ticks));
        var needed = ahead - freeSeats + 1;
        return average * needed / seats;
    }

    /// <summary>Minutes as a customer is told them: at least one, rounded up to 5 past ten minutes.</summary>
    public static int Minutes(TimeSpan wait)
    {
        var minutes = (int)Math.Ceiling(wait.TotalMinutes);
        return minutes <= 10 ? Math.Max(1, minutes) : (minutes + 4) / 5 * 5;
    }
}
