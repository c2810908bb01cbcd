namespace ConciergeBot.Language.Intents;

/// <summary>
/// What a message most likely wants. <see cref="Confidence"/> is the model's probability for its
/// best reading. When that is below the classifier's threshold the intent is
/// <see cref="IntentNames.None"/> and <see cref="IsUnsure"/> is set; the untrusted best reading is
/// then the runner-up, so a dialog can still ask "did you mean…?".
/// </summary>
public sealed record IntentPrediction(string Intent, double Confidence, string RunnerUp, double RunnerUpConfidence)
{
    public bool IsUnsure { get; init; }

    public bool Is(string intent) => string.Equals(Intent, intent, StringComparison.Ordinal);
}
