using System.Collections.Concurrent;

namespace ConciergeBot.Language.Intents;

/// <summary>
/// The intent classifier trained on the training files in <c>dialogs/nlu</c>. Training takes a
/// moment, so it happens once per set of files in a process (the host warms it up at start), and
/// the trained model is shared: it is read-only once trained.
/// </summary>
public sealed class IntentModel(string folder)
{
    private static readonly ConcurrentDictionary<string, Lazy<IntentClassifier>> Trained = new(StringComparer.Ordinal);

    // Looked up once per instance: the files are listed when the model is first needed, not per message.
    private readonly Lazy<IntentClassifier> _classifier = new(() => Trained.GetOrAdd(Key(folder), _ => new Lazy<IntentClassifier>(() =>
        IntentClassifier.Train(IntentTrainingData.Load(folder)))).Value);

    public IntentClassifier Classifier => _classifier.Value;

    private static string Key(string folder)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.yml").Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
        return string.Join('|', files.Select(f => $"{f}@{File.GetLastWriteTimeUtc(f).Ticks}"));
    }
}
