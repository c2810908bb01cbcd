namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// Part of a local day as wall-clock ticks since local midnight; <see cref="Closes"/> may be
/// <see cref="TimeSpan.TicksPerDay"/> (midnight at the end of the day).
/// </summary>
internal readonly record struct WallInterval(long Opens, long Closes);
