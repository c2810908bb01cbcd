namespace ConciergeBot.Language.Intents;

/// <summary>How the intent classifier is trained and when it says it is unsure.</summary>
public sealed record IntentClassifierOptions
{
    /// <summary>
    /// The chosen value of <see cref="IntentThresholdTuner"/> on the shipped training files (5-fold
    /// cross-validation); a test fails when the files change enough to move it.
    /// </summary>
    public const double DefaultMinimumConfidence = 0.43;

    /// <summary>A best reading below this probability becomes <see cref="IntentNames.None"/>.</summary>
    public double MinimumConfidence { get; init; } = DefaultMinimumConfidence;

    /// <summary>Fixed so that the same files always train the same model.</summary>
    public int Seed { get; init; } = 1;
}
