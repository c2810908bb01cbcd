namespace ConciergeBot.Language.Intents;

/// <summary>
/// Chooses the confidence below which a reading becomes <see cref="IntentNames.None"/>, from the
/// training examples alone (k-fold cross-validation), so that the evaluation sets stay untouched.
/// Each example is classified by a model that did not see it. Of the thresholds whose accuracy is
/// within <see cref="Tolerance"/> of the best, the highest is kept: for a first-line bot, "I am not
/// sure, here is the menu" is cheaper than acting on a wrong guess.
/// </summary>
public static class IntentThresholdTuner
{
    public const double Tolerance = 0.005;

    public static ThresholdChoice Tune(IReadOnlyList<IntentExample> examples, int folds = 5, IntentClassifierOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var untuned = (options ?? new IntentClassifierOptions()) with { MinimumConfidence = 0 };
        var outcomes = new List<Outcome>(examples.Count);

        // Round robin within each intent keeps every fold's mix of intents and languages like the whole.
        var foldOf = new int[examples.Count];
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Intent, StringComparer.Ordinal))
        {
            var n = 0;
            foreach (var i in group)
            {
                foldOf[i] = n++ % folds;
            }
        }

        for (var fold = 0; fold < folds; fold++)
        {
            var classifier = new IntentClassifier(examples.Where((_, i) => foldOf[i] != fold), untuned);
            foreach (var example in examples.Where((_, i) => foldOf[i] == fold))
            {
                var ranked = classifier.Rank(example.Text);
                outcomes.Add(ranked.Count == 0
                    ? new Outcome(example.Intent, IntentNames.None, 1)
                    : new Outcome(example.Intent, ranked[0].Intent, ranked[0].Probability));
            }
        }

        var candidates = Enumerable.Range(0, 96).Select(i => i / 100.0).ToList();
        var accuracies = candidates.Select(t => Accuracy(outcomes, t)).ToList();
        var best = accuracies.Max();
        var chosen = candidates.Where((_, i) => accuracies[i] >= best - Tolerance).Max();
        return new ThresholdChoice(chosen, Accuracy(outcomes, chosen), best, Accuracy(outcomes, 0));
    }

    private static double Accuracy(List<Outcome> outcomes, double threshold) =>
        outcomes.Count(o => (o.Probability >= threshold ? o.Guess : IntentNames.None) == o.Truth) / (double)outcomes.Count;

    private sealed record Outcome(string Truth, string Guess, double Probability);
}

/// <summary>The chosen threshold, the cross-validated accuracy with it, the best any threshold reached, and with none.</summary>
public sealed record ThresholdChoice(double MinimumConfidence, double Accuracy, double BestAccuracy, double AccuracyWithoutThreshold);
