namespace ConciergeBot.Handoff;

/// <summary>
/// Where a waiting customer stands: how many are ahead, the estimated wait (null when there is no
/// honest figure), whether anyone answers now, and when people are next in when they are not.
/// </summary>
public sealed record QueueStanding(int Ahead, TimeSpan? Wait, bool Staffed, bool AnyoneOnline, DateTimeOffset? NextOpening);
