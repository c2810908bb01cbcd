namespace ConciergeBot.Language.Time;

/// <summary>
/// Time expressions in a message, by the recognizer of the message's language; when it finds
/// nothing, the other languages' recognizers try (a customer writing Indonesian may type an
/// English date, and the other way round).
/// </summary>
public sealed class TimeRecognition(IEnumerable<ITimeRecognizer> recognizers)
{
    private readonly ITimeRecognizer[] _recognizers = [.. recognizers];

    public IReadOnlyList<TimeMention> Recognize(string text, string language, TimeContext context)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var first = _recognizers.FirstOrDefault(r => r.Language == language);
        if (first?.Recognize(text, context) is { Count: > 0 } mentions)
        {
            return mentions;
        }

        foreach (var other in _recognizers.Where(r => r != first))
        {
            if (other.Recognize(text, context) is { Count: > 0 } found)
            {
                return found;
            }
        }

        return [];
    }
}
