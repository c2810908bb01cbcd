namespace ConciergeBot.Language.Time.Indonesian;

/// <summary>
/// A clock time as minutes from the start of its day. <see cref="Fixed"/> when the half of the day is
/// known ("jam 3 sore", "16.00", "09.00"); otherwise <see cref="HalfDay"/> holds minutes within a
/// twelve-hour half ("jam 4" is 4:00 or 16:00) and business hours decide. A range ("jam 1-3 siang")
/// has a <see cref="Length"/> in minutes.
/// </summary>
internal sealed record ClockChoice(int? Fixed, int HalfDay, TimeGrain Grain, TimeSpan? StatedOffset)
{
    public int? Length { get; init; }

    /// <summary>A clock time is a point to the minute; a range between clock times is a window of hours.</summary>
    public static ClockChoice Of(ClockSpec clock, ClockHint? partHint) =>
        LengthOf(clock) is { } length
            ? Start(clock, partHint) with { Length = length, Grain = TimeGrain.Hour }
            : Start(clock, partHint);

    /// <summary>The end of a range is written in the same half of the day as its start unless it says otherwise ("jam 11-1" ends at 13:00).</summary>
    private static int? LengthOf(ClockSpec clock)
    {
        if (clock.Until is not { } until)
        {
            return null;
        }

        var length = (until.Hour * 60) + until.Minute - ((clock.Hour * 60) + clock.Minute + clock.ShiftMinutes);
        while (length <= 0)
        {
            length += 720;
        }

        return length;
    }

    private static ClockChoice Start(ClockSpec clock, ClockHint? partHint)
    {
        // As the NLU contract has it: "jam 3 sore" is 15:00, grain minute.
        var grain = TimeGrain.Minute;
        var hint = clock.Hint ?? partHint;
        var spoken = clock.Hour;
        if (!clock.Written24 && spoken is >= 1 and <= 12 && hint is { } known)
        {
            return new ClockChoice((HourOfDay(spoken, known) * 60) + clock.Minute + clock.ShiftMinutes, 0, grain, clock.StatedOffset);
        }

        if (clock.Written24 || spoken is 0 or > 12)
        {
            return new ClockChoice((spoken * 60) + clock.Minute + clock.ShiftMinutes, 0, grain, clock.StatedOffset);
        }

        var halfDay = ((((spoken % 12) * 60) + clock.Minute + clock.ShiftMinutes) % 720 + 720) % 720;
        return new ClockChoice(null, halfDay, grain, clock.StatedOffset);
    }

    /// <summary>"jam 4 sore" and "besok sore jam 4" say the same thing.</summary>
    public static ClockHint HintOf(DayPart part) => part switch
    {
        DayPart.Pagi => ClockHint.Morning,
        DayPart.Siang => ClockHint.Midday,
        DayPart.Sore => ClockHint.LateAfternoon,
        DayPart.Malam => ClockHint.Night,
        _ => ClockHint.AfterNoon,
    };

    /// <summary>The hour on a 24-hour clock; past 24 is after midnight ("jam 1 malam" is the night's 01:00).</summary>
    private static int HourOfDay(int spoken, ClockHint hint) => hint switch
    {
        ClockHint.Morning => spoken == 12 ? 0 : spoken,
        ClockHint.Midday => spoken <= 6 ? spoken + 12 : spoken,
        ClockHint.Night => spoken == 12 ? 24 : spoken <= 4 ? spoken + 24 : spoken + 12,
        _ => spoken == 12 ? 12 : spoken + 12,
    };
}
