using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ConciergeBot.Language.Intents;

/// <summary>
/// A multiclass intent model trained at start from example sentences in both languages: the
/// features of <see cref="IntentFeatures"/> (words, word pairs, letter pieces for typos) and
/// ML.NET's maximum-entropy trainer (SDCA), whose class probabilities are the confidences.
/// Training is deterministic: a fixed seed and one thread.
/// After training the model is plain arrays that are only read, so any number of threads can
/// classify at once, without prediction engines, pools or locks.
/// </summary>
public sealed class IntentClassifier
{
    private readonly IntentClassifierOptions options;
    private readonly IntentFeatures features;
    private readonly string[] intents;
    private readonly float[][] weights;
    private readonly float[] biases;

    /// <summary>Trains the model, and classifies once so that the first customer does not pay for warming up.</summary>
    public IntentClassifier(IEnumerable<IntentExample> examples, IntentClassifierOptions? options = null)
    {
        this.options = options ?? new IntentClassifierOptions();
        var prepared = examples
            .Select(e => (Text: ClassifierText.Prepare(e.Text), e.Intent))
            .Where(e => e.Text.Length > 0)
            .ToList();
        intents = [.. prepared.Select(e => e.Intent).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (intents.Length < 2)
        {
            throw new ArgumentException("Training needs examples of at least two intents.", nameof(examples));
        }

        features = IntentFeatures.Learn(prepared.Select(e => e.Text));
        var rows = prepared.Select(e => new TrainingRow
        {
            Features = features.Vectorize(e.Text).ToVBuffer(features.Count),
            Label = (uint)Array.IndexOf(intents, e.Intent),
        }).ToList();
        var model = Fit(rows);

        var classWeights = Array.Empty<VBuffer<float>>();
        model.GetWeights(ref classWeights, out _);
        weights = [.. classWeights.Select(w => w.DenseValues().ToArray())];
        biases = [.. model.GetBiases()];
        Classify("hello");
    }

    public static IntentClassifier Train(IEnumerable<IntentExample> examples, IntentClassifierOptions? options = null) => new(examples, options);

    /// <summary>The intents the model knows, in ordinal order.</summary>
    public IReadOnlyList<string> Intents => intents;

    public IntentPrediction Classify(string? text)
    {
        var ranked = Rank(text);
        if (ranked.Count == 0)
        {
            // Nothing but emoji, punctuation or white space: certainly nothing to route.
            return new IntentPrediction(IntentNames.None, 1, IntentNames.None, 0);
        }

        var (best, second) = (ranked[0], ranked[1]);
        if (best.Probability >= options.MinimumConfidence || best.Intent == IntentNames.None)
        {
            return new IntentPrediction(best.Intent, best.Probability, second.Intent, second.Probability);
        }

        return new IntentPrediction(IntentNames.None, best.Probability, best.Intent, best.Probability) { IsUnsure = true };
    }

    /// <summary>Every intent with its probability, most likely first; empty when the text has no words.</summary>
    internal IReadOnlyList<IntentScore> Rank(string? text)
    {
        var prepared = ClassifierText.Prepare(text);
        if (prepared.Length == 0)
        {
            return [];
        }

        var x = features.Vectorize(prepared);
        var logits = new double[intents.Length];
        for (var c = 0; c < intents.Length; c++)
        {
            double z = biases[c];
            for (var i = 0; i < x.Indices.Length; i++)
            {
                z += weights[c][x.Indices[i]] * x.Values[i];
            }

            logits[c] = z;
        }

        // The maximum-entropy model's probabilities: a softmax over the class scores.
        var max = logits.Max();
        var exps = logits.Select(z => Math.Exp(z - max)).ToArray();
        var sum = exps.Sum();
        return [.. intents.Select((intent, c) => new IntentScore(intent, exps[c] / sum)).OrderByDescending(s => s.Probability)];
    }

    private MaximumEntropyModelParameters Fit(List<TrainingRow> rows)
    {
        var ml = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Count);

        // Key values in a loaded class are zero-based; ML.NET keeps 0 for "missing" internally.
        schema[nameof(TrainingRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), intents.Length);
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),

            // One thread: SDCA is only deterministic when it does not race with itself.
            NumberOfThreads = 1,

            // Little regularization: the examples are few and each keyword matters. Cross-validation
            // on the training files picked these (10 or 20 passes lost 1–4 points of accuracy);
            // checking convergence once, at the end, saves a pass over the data per iteration.
            L2Regularization = 1e-5f,
            MaximumNumberOfIterations = 30,
            ConvergenceCheckFrequency = 30,
        });
        return trainer.Fit(ml.Data.Cache(ml.Data.LoadFromEnumerable(rows, schema))).Model;
    }

    private sealed class TrainingRow
    {
        public VBuffer<float> Features { get; set; }

        public uint Label { get; set; }
    }
}

internal sealed record IntentScore(string Intent, double Probability);
