using ConciergeBot.Activities;
using ConciergeBot.Dialogs;
using ConciergeBot.Dialogs.Prompts;
using ConciergeBot.Language.Time;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;
using ConciergeBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Tests.Dialogs;

/// <summary>The engine's prompts, run by a small waterfall through the real pipeline.</summary>
public sealed class PromptTests
{
    private static Task<BotHarness> StartAsync(ITimeRecognizer? recognizer = null) =>
        BotHarness.StartAsync(services =>
        {
            services.AddSingleton<ITurnHandler>(sp =>
            {
                var recognition = recognizer is null ? sp.GetRequiredService<TimeRecognition>() : new TimeRecognition([recognizer]);
                var dialogs = new DialogSet().Add(new AskEverything(recognition));
                return new DialogBot(dialogs, AskEverything.DialogId, sp.GetRequiredService<IOptions<PipelineOptions>>(), NullLogger<DialogBot>.Instance);
            });
        });

    [Fact]
    public async Task Confirm_understands_chatty_yes_and_no_in_both_languages()
    {
        await using var bot = await StartAsync();

        await new TestFlow(bot)
            .Send(SetLanguage("id"))
            .Send("mulai")
            .AssertReply(r =>
            {
                Assert.Equal("Lanjut?", r.Text);
                Assert.Equal(["Ya", "Tidak"], r.SuggestedActions!.Actions.Select(a => a.Title));
            })
            .Send("mungkin")
            .AssertReply($"{bot.Locales.Get("id", RuntimeTexts.RetryConfirm)} Lanjut?")
            .Send("iya dong")
            .AssertReply("confirmed: True")
            .StartTestAsync();
    }

    [Fact]
    public async Task Number_accepts_digits_with_a_decimal_comma_and_number_words()
    {
        await using var bot = await StartAsync();

        await new TestFlow(bot)
            .Send("start")
            .AssertReply("Lanjut?")
            .Send("no")
            .AssertReply("confirmed: False")
            .AssertReply("How many?")
            .Send("a few")
            .AssertReply($"{bot.Locales.Get("en", RuntimeTexts.RetryNumber)} How many?")
            .Send("dua")
            .AssertReply("number: 2")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_validator_that_explains_the_problem_replaces_the_standard_retry()
    {
        await using var bot = await StartAsync();

        await new TestFlow(bot)
            .Send("start")
            .AssertReply("Lanjut?")
            .Send("yes")
            .AssertReply("confirmed: True")
            .AssertReply("How many?")
            .Send("40")
            .AssertReply("Between 1 and 10, please (attempt 1).")
            .AssertNoReply()
            .Send("4")
            .AssertReply("number: 4")
            .StartTestAsync();
    }

    [Fact]
    public async Task DateTime_takes_a_future_time_in_the_business_time_zone()
    {
        await using var bot = await StartAsync();

        await ToDateQuestion(bot)
            .Send("5/12 at 14:00")
            .AssertReply("when: Saturday 5 December, 14:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task DateTime_refuses_a_time_in_the_past_politely()
    {
        await using var bot = await StartAsync();

        await ToDateQuestion(bot)
            .Send("December 1, 2026 at 8:00 am")
            .AssertReply(RuntimeTexts.DateTimeInPast, "en")
            .Send("December 1, 2026 at 10:00 am")
            .AssertReply("when: Tuesday 1 December, 10:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task DateTime_re_prompts_with_an_example_when_it_understands_nothing()
    {
        await using var bot = await StartAsync();

        await ToDateQuestion(bot)
            .Send("whenever suits you")
            .AssertReply($"{bot.Locales.Get("en", RuntimeTexts.RetryDateTime)} When?")
            .StartTestAsync();
    }

    [Fact]
    public async Task DateTime_asks_which_one_when_the_answer_has_several_readings_and_that_is_no_failed_attempt()
    {
        await using var bot = await StartAsync(new TwoReadings());

        await ToDateQuestion(bot)
            .Send("next wednesday")
            .AssertReply(r =>
            {
                Assert.Equal(bot.Locales.Get("en", RuntimeTexts.DateTimeWhichOne), r.Text);
                Assert.Equal(["Wednesday 2 December", "Wednesday 9 December"], r.SuggestedActions!.Actions.Select(a => a.Title));
            })
            .Send("next wednesday")
            .AssertReply(RuntimeTexts.DateTimeWhichOne, "en")
            .Send("next wednesday")
            .AssertReply(RuntimeTexts.DateTimeWhichOne, "en")
            .Send("2")
            .AssertReply("when: Wednesday 9 December")
            .StartTestAsync();
    }

    private static TestFlow ToDateQuestion(BotHarness bot) =>
        new TestFlow(bot)
            .Send("start")
            .AssertReply("Lanjut?")
            .Send("yes")
            .AssertReply("confirmed: True")
            .AssertReply("How many?")
            .Send("3")
            .AssertReply("number: 3")
            .AssertReply("When?");

    private static Activity SetLanguage(string language) =>
        new() { Type = ActivityTypes.Event, Name = DialogBot.SetLanguageEvent, Value = System.Text.Json.Nodes.JsonValue.Create(language) };

    /// <summary>"Next Wednesday" said on a Monday: this week's or next week's.</summary>
    private sealed class TwoReadings : ITimeRecognizer
    {
        public string Language => "en";

        public IReadOnlyList<TimeMention> Recognize(string text, TimeContext context) =>
            text.Contains("wednesday", StringComparison.OrdinalIgnoreCase)
                ? [new TimeMention(text, 0, Day(2), [Day(9)])]
                : [];

        private static TimeReading Day(int day)
        {
            var start = new DateTimeOffset(2026, 12, day, 0, 0, 0, TimeSpan.FromHours(7));
            return new TimeReading(start, start.AddDays(1), TimeGrain.Day);
        }
    }

    private sealed class AskEverything : ComponentDialog
    {
        public const string DialogId = "ask-everything";

        public AskEverything(TimeRecognition recognition)
            : base(DialogId)
        {
            AddDialog(new WaterfallDialog("steps", [AskConfirm, AskNumber, AskDate, Finish]));
            AddDialog(new ConfirmPrompt("confirm"));
            AddDialog(new NumberPrompt("number", OneToTen));
            AddDialog(new DateTimePrompt("when", recognition));
        }

        private static async Task<bool> OneToTen(PromptValidatorContext<decimal> context, CancellationToken ct)
        {
            if (!context.Recognized.Succeeded)
            {
                // Not a number at all: the prompt's own retry says so.
                return false;
            }

            if (context.Recognized.Value is >= 1 and <= 10)
            {
                return true;
            }

            await context.Turn.SendAsync(MessageFactory.Text($"Between 1 and 10, please (attempt {context.Attempts})."));
            return false;
        }

        private static Task<DialogTurnResult> AskConfirm(WaterfallStepContext step, CancellationToken ct) =>
            step.PromptAsync("confirm", PromptOptions.Asking("Lanjut?"), ct);

        private static async Task<DialogTurnResult> AskNumber(WaterfallStepContext step, CancellationToken ct)
        {
            await step.Turn.SendAsync(MessageFactory.Text($"confirmed: {step.Result}"));
            return await step.PromptAsync("number", PromptOptions.Asking("How many?"), ct);
        }

        private static async Task<DialogTurnResult> AskDate(WaterfallStepContext step, CancellationToken ct)
        {
            await step.Turn.SendAsync(MessageFactory.Text($"number: {step.Result}"));
            return await step.PromptAsync("when", PromptOptions.Asking("When?"), ct);
        }

        private static async Task<DialogTurnResult> Finish(WaterfallStepContext step, CancellationToken ct)
        {
            await step.Turn.SendAsync(MessageFactory.Text($"when: {DateTimePrompt.Describe(step.Turn, (TimeReading)step.Result!)}"));
            return await step.EndDialogAsync(null, ct);
        }
    }
}
