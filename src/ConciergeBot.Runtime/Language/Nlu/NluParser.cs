using ConciergeBot.Language.Intents;
using ConciergeBot.Language.Time;

namespace ConciergeBot.Language.Nlu;

/// <summary>
/// Everything language understanding says about one message: its language, what the customer
/// wants (with a confidence) and the times it mentions. Pure: text, reference time and zone in.
/// </summary>
public sealed class NluParser(IntentModel intents, TimeRecognition times)
{
    public NluResult Parse(string text, DateTimeOffset reference, TimeZoneInfo zone, string fallbackLanguage)
    {
        var language = LanguageDetector.Detect(text) ?? fallbackLanguage;
        var intent = intents.Classifier.Classify(text);
        var mentions = times.Recognize(text, language, new TimeContext(reference, zone));
        return new NluResult(language, intent.Intent, Math.Round(intent.Confidence, 2), mentions);
    }
}

public sealed record NluResult(string Language, string Intent, double Confidence, IReadOnlyList<TimeMention> Times);
