using ConciergeBot.Language.Intents;

namespace ConciergeBot.Tests.Language.Intents;

/// <summary>The shipped training files and the classifier trained from them, once for every test class.</summary>
internal static class TrainedIntents
{
    private static readonly Lazy<IReadOnlyList<IntentExample>> LazyExamples = new(() => IntentTrainingData.Load(Path.Combine(AppContext.BaseDirectory, "nlu")));

    private static readonly Lazy<IntentClassifier> LazyClassifier = new(() => IntentClassifier.Train(Examples));

    public static IReadOnlyList<IntentExample> Examples => LazyExamples.Value;

    public static IntentClassifier Classifier => LazyClassifier.Value;
}
