namespace ConciergeBot.Scheduling.Availability;

/// <summary>The business's rules for offering start times: the grid, how soon, how far ahead.</summary>
/// <param name="SlotInterval">Starts are offered on this grid, counted from each working interval's opening time.</param>
/// <param name="MinimumNotice">No start sooner than this after the request's now.</param>
/// <param name="Horizon">No start later than this after the request's now.</param>
public sealed record SlotRules(TimeSpan SlotInterval, TimeSpan MinimumNotice, TimeSpan Horizon)
{
    public static SlotRules From(SchedulingOptions options) => new(options.SlotInterval, options.MinimumNotice, options.Horizon);
}
