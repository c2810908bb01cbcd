namespace ConciergeBot.Language;

/// <summary>
/// Turns what a customer wrote into points or windows in time, resolved in the business's time
/// zone against a reference time. Pure: no clock, no I/O.
/// </summary>
public interface IDateTimeResolver
{
    DateTimeRecognition Recognize(string text, DateTimeOffset reference, TimeZoneInfo zone, string language);
}

/// <summary>
/// What was understood: nothing, one reading, or several (then a dialog asks which one).
/// A window (a day, "tomorrow afternoon") has an <see cref="DateTimeCandidate.End"/>; a point in time has none.
/// </summary>
public sealed record DateTimeRecognition(IReadOnlyList<DateTimeCandidate> Candidates)
{
    public static DateTimeRecognition None { get; } = new([]);

    public bool IsEmpty => Candidates.Count == 0;
}

public sealed record DateTimeCandidate(DateTimeOffset Start, DateTimeOffset? End = null)
{
    public bool IsWindow => End is not null;

    /// <summary>The last instant this reading covers.</summary>
    public DateTimeOffset Latest => End ?? Start;
}
