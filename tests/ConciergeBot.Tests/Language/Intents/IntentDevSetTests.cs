namespace ConciergeBot.Tests.Language.Intents;

public sealed class IntentDevSetTests
{
    private const double RequiredAccuracy = 0.95;

    [Fact]
    public void The_English_dev_set_is_classified_at_least_95_percent_right()
    {
        AssertAccuracy("en");
    }

    [Fact]
    public void The_Indonesian_dev_set_is_classified_at_least_95_percent_right()
    {
        AssertAccuracy("id");
    }

    private static void AssertAccuracy(string language)
    {
        var examples = IntentDevSet.Load(language);
        var failures = examples
            .Select(e => (Example: e, Prediction: TrainedIntents.Classifier.Classify(e.Text)))
            .Where(x => x.Prediction.Intent != x.Example.Intent)
            .Select(x => $"  \"{x.Example.Text}\": expected {x.Example.Intent}, got {x.Prediction.Intent} ({x.Prediction.Confidence:F2}; runner-up {x.Prediction.RunnerUp} {x.Prediction.RunnerUpConfidence:F2})")
            .ToList();
        var accuracy = 1 - ((double)failures.Count / examples.Count);

        Assert.True(examples.Count >= 300, $"The {language} dev set has only {examples.Count} sentences.");
        Assert.True(
            accuracy >= RequiredAccuracy,
            $"{language}: {accuracy:P1} of {examples.Count} right, below {RequiredAccuracy:P0}. Failures:\n{string.Join('\n', failures)}");
    }
}
