using ConciergeBot.Language;
using ConciergeBot.Language.Intents;

namespace ConciergeBot.Tests.Language.Intents;

public sealed class IntentTrainingDataTests
{
    private static readonly string[] RequiredIntents =
    [
        IntentNames.Reschedule, IntentNames.ReportProblem, IntentNames.TalkToAgent, IntentNames.Greeting,
        IntentNames.Goodbye, IntentNames.Help, IntentNames.Cancel, IntentNames.None,
    ];

    [Fact]
    public void Rasa_style_files_are_read_with_entity_markup_stripped_and_other_entries_skipped()
    {
        const string yaml = """
            version: "3.1"
            nlu:
            - intent: reschedule
              examples: |
                - move my appointment to [tomorrow](date)
                - ganti jadwal ke [besok]{"entity": "date"}
            - synonym: besok
              examples: |
                - bsk
            - intent: greeting
              examples: |
                - halo kak
            """;

        var examples = IntentTrainingData.Parse(yaml);

        Assert.Equal(
            [
                new IntentExample("move my appointment to tomorrow", "reschedule"),
                new IntentExample("ganti jadwal ke besok", "reschedule"),
                new IntentExample("halo kak", "greeting"),
            ],
            examples);
    }

    [Fact]
    public void A_file_without_an_nlu_list_is_rejected()
    {
        Assert.Throws<FormatException>(() => IntentTrainingData.Parse("intents:\n- greeting\n"));
    }

    [Theory]
    [InlineData("intents.en.yml")]
    [InlineData("intents.id.yml")]
    public void Every_intent_has_at_least_sixty_examples_in_each_language(string file)
    {
        var examples = IntentTrainingData.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "nlu", file)), file);

        foreach (var intent in RequiredIntents)
        {
            var count = examples.Count(e => e.Intent == intent);
            Assert.True(count >= 60, $"{file}: {intent} has {count} examples");
        }
    }

    [Fact]
    public void The_dev_sets_share_no_sentence_with_the_training_files()
    {
        var training = TrainedIntents.Examples.Select(e => TextNormalizer.Normalize(e.Text)).ToHashSet(StringComparer.Ordinal);

        var shared = new[] { "en", "id" }
            .SelectMany(IntentDevSet.Load)
            .Where(e => training.Contains(TextNormalizer.Normalize(e.Text)))
            .Select(e => e.Text)
            .ToList();

        Assert.True(shared.Count == 0, $"In both the dev sets and the training files: {string.Join(" | ", shared)}");
    }

    [Fact]
    public void The_default_threshold_is_the_one_cross_validation_picks()
    {
        var choice = IntentThresholdTuner.Tune(TrainedIntents.Examples);

        Assert.True(
            Math.Abs(choice.MinimumConfidence - IntentClassifierOptions.DefaultMinimumConfidence) <= 0.05,
            $"Cross-validation now picks {choice}; update {nameof(IntentClassifierOptions.DefaultMinimumConfidence)}.");
    }
}
