namespace ConciergeBot.Language.Time;

/// <summary>
/// The parts of the day as windows, the same in both languages so "the same part of the day"
/// means one thing: morning/pagi 06–11, midday/siang 11–15, afternoon/sore 15–18, evening/malam 18–22.
/// English "afternoon" (12–17 in common use) is read as 12–18: siang and sore together.
/// </summary>
public static class PartsOfDay
{
    public static (TimeOnly Start, TimeOnly End) Morning { get; } = (new(6, 0), new(11, 0));

    public static (TimeOnly Start, TimeOnly End) Midday { get; } = (new(11, 0), new(15, 0));

    public static (TimeOnly Start, TimeOnly End) LateAfternoon { get; } = (new(15, 0), new(18, 0));

    public static (TimeOnly Start, TimeOnly End) EnglishAfternoon { get; } = (new(12, 0), new(18, 0));

    public static (TimeOnly Start, TimeOnly End) Evening { get; } = (new(18, 0), new(22, 0));

    public static TimeReading Window(DateOnly day, (TimeOnly Start, TimeOnly End) part, TimeContext context) =>
        new(context.At(day.ToDateTime(part.Start)), context.At(day.ToDateTime(part.End)), TimeGrain.PartOfDay);
}
