using ConciergeBot.Language.Time;

namespace ConciergeBot.Scheduling.Availability;

/// <summary>Which part of the day a wall time is in, with the windows the language layer uses (<see cref="PartsOfDay"/>); 22:00–06:00 is night.</summary>
internal static class PartOfDay
{
    private static readonly (TimeOnly Start, TimeOnly End)[] Parts =
        [PartsOfDay.Morning, PartsOfDay.Midday, PartsOfDay.LateAfternoon, PartsOfDay.Evening];

    /// <summary>0 morning, 1 midday, 2 late afternoon, 3 evening, 4 night.</summary>
    public static int Of(long wallTicks)
    {
        for (var i = 0; i < Parts.Length; i++)
        {
            if (wallTicks >= Parts[i].Start.Ticks && wallTicks < Parts[i].End.Ticks)
            {
                return i;
            }
        }

        return Parts.Length;
    }
}
