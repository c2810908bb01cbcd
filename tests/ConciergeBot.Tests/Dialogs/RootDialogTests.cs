using ConciergeBot.Activities;
using ConciergeBot.Dialogs;
using ConciergeBot.Localization;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Tests.Dialogs;

public sealed class RootDialogTests
{
    private const string Business = "Bengkel Maju Jaya";

    [Fact]
    public async Task Halo_gets_an_Indonesian_greeting_and_the_menu()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("halo")
            .AssertReply(DialogTexts.Greeting, "id", ("business", Business))
            .AssertReply(DialogTexts.MenuQuestion, "id")
            .StartTestAsync();
    }

    [Fact]
    public async Task Hi_gets_an_English_greeting_and_the_menu_as_choices()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("hi")
            .AssertReply("Hi! I'm the virtual assistant of Bengkel Maju Jaya. I'm here 24/7.")
            .AssertChoices("Reschedule an appointment", "Report a problem", "Talk to a person")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_known_customer_is_greeted_by_name_in_their_language()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, user: "+62 812-3456-7890")
            .Send("hello")
            .AssertReply(DialogTexts.GreetingKnownCustomer, "en", ("name", "Budi"), ("business", Business))
            .StartTestAsync();
        var customer = await bot.QueryAsync(db => db.Conversations.Select(c => c.CustomerId).SingleAsync());
        Assert.NotNull(customer);
    }

    [Theory]
    [InlineData("1", "reschedule.askReference")]
    [InlineData("Ubah jadwal", "reschedule.askReference")]
    [InlineData("mau lapor masalah", "problem.askDescription")]
    [InlineData("3", "handoff.customerAsked")]
    public async Task The_menu_routes_each_choice(string answer, string expected)
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("halo")
            .AssertReply(DialogTexts.Greeting, "id", ("business", Business))
            .AssertReply(DialogTexts.MenuQuestion, "id")
            .Send(answer)
            .AssertReplyStartsWith(new TextKey(expected), "id", ("business", Business))
            .StartTestAsync();
    }

    [Fact]
    public async Task Answering_the_menu_in_own_words_goes_where_the_words_say_without_asking_again()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("halo")
            .AssertReply(DialogTexts.Greeting, "id", ("business", Business))
            .AssertReply(DialogTexts.MenuQuestion, "id")
            .Send("pintu mobil saya lecet setelah diservis")
            .AssertReply(ConciergeBot.Dialogs.ProblemReport.ProblemTexts.AskPhotos, "id")
            .StartTestAsync();
    }

    [Fact]
    public async Task Asking_straight_away_to_reschedule_skips_the_menu()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("kak aku mau reschedule dong")
            .AssertReply(ConciergeBot.Dialogs.Reschedule.RescheduleTexts.AskReference, "id")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("makasih ya kak, udah cukup", "id")]
    [InlineData("thanks, that's all for now", "en")]
    public async Task A_goodbye_gets_a_goodbye_not_the_menu(string text, string language)
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send(text)
            .AssertReply(DialogTexts.Goodbye, language, ("business", Business))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Theory]
    [InlineData("jadwal servis saya bisa diundur ke minggu depan?", "reschedule.askReference")]
    [InlineData("the technician never showed up yesterday", "problem.apologyMedium")]
    [InlineData("can I speak with someone from your team", "handoff.customerAsked")]
    public async Task A_first_message_goes_where_the_intent_model_says(string text, string expected)
    {
        await using var bot = await BotHarness.StartAsync();
        var language = ConciergeBot.Language.LanguageDetector.Detect(text)!;

        await new TestFlow(bot)
            .Send(text)
            .AssertReplyStartsWith(new TextKey(expected), language, ("business", Business), ("category", "staff late or not coming"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Asking_for_a_person_in_the_middle_of_a_question_goes_to_a_person()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("hi")
            .AssertReply(DialogTexts.Greeting, "en", ("business", Business))
            .AssertReply(DialogTexts.MenuQuestion, "en")
            .Send("talk to a person")
            .AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, "en", ("business", Business))
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_stops_the_question_and_the_next_message_starts_afresh()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("halo")
            .AssertReply(DialogTexts.Greeting, "id", ("business", Business))
            .AssertReply(DialogTexts.MenuQuestion, "id")
            .Send("batal")
            .AssertReply(DialogTexts.Cancelled, "id")
            .AssertNoReply()
            .Send("eh iya")
            .AssertReply(DialogTexts.AnythingElse, "id")
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_explains_and_asks_the_pending_question_again()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("hello")
            .AssertReply(DialogTexts.Greeting, "en", ("business", Business))
            .AssertReply(DialogTexts.MenuQuestion, "en")
            .Send("help")
            .AssertReply(DialogTexts.Help, "en")
            .AssertReply(DialogTexts.MenuQuestion, "en")
            .StartTestAsync();
    }

    [Fact]
    public async Task Answers_that_never_fit_end_with_a_person_taking_over()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("hello")
            .AssertReply(DialogTexts.Greeting, "en", ("business", Business))
            .AssertReply(DialogTexts.MenuQuestion, "en")
            .Send("purple")
            .AssertReply(r => Assert.StartsWith(bot.Locales.Get("en", RuntimeTexts.RetryChoice), r.Text, StringComparison.Ordinal))
            .Send("seven")
            .AssertReply(r => Assert.StartsWith(bot.Locales.Get("en", RuntimeTexts.RetryChoice), r.Text, StringComparison.Ordinal))
            .Send("banana")
            .AssertReplyStartsWith(DialogTexts.HandoffAfterRetries, "en", ("business", Business))
            .StartTestAsync();
    }

    [Fact]
    public async Task Switching_language_mid_question_asks_it_again_in_the_new_language()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("halo")
            .AssertReply(DialogTexts.Greeting, "id", ("business", Business))
            .AssertChoices("Ubah jadwal", "Laporkan masalah", "Bicara dengan petugas")
            .Send("English please")
            .AssertReply(RuntimeTexts.LanguageSwitched, "en")
            .AssertChoices("Reschedule an appointment", "Report a problem", "Talk to a person")
            .Send("Report a problem")
            .AssertReply(ConciergeBot.Dialogs.ProblemReport.ProblemTexts.AskDescription, "en")
            .StartTestAsync();
        Assert.Equal("en", await bot.QueryAsync(db => db.Conversations.Select(c => c.Language).SingleAsync()));
    }

    [Fact]
    public async Task A_language_chosen_by_the_channel_is_kept_whatever_the_customer_writes()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send(new Activity { Type = ActivityTypes.Event, Name = DialogBot.SetLanguageEvent, Value = System.Text.Json.Nodes.JsonValue.Create("en") })
            .AssertNoReply()
            .Send("halo")
            .AssertReply(DialogTexts.Greeting, "en", ("business", Business))
            .StartTestAsync();
    }

    [Fact]
    public async Task The_dialog_stack_survives_a_restart_mid_dialog()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("halo")
            .AssertReply(DialogTexts.Greeting, "id", ("business", Business))
            .AssertReply(DialogTexts.MenuQuestion, "id")
            .Restart()
            .Send("2")
            .AssertReply(ConciergeBot.Dialogs.ProblemReport.ProblemTexts.AskDescription, "id")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_conversation_idle_past_the_timeout_starts_fresh()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("halo")
            .AssertReply(DialogTexts.Greeting, "id", ("business", Business))
            .AssertReply(DialogTexts.MenuQuestion, "id")
            .Wait(TimeSpan.FromHours(3))
            .Send("2")
            .AssertReply(DialogTexts.Greeting, "id", ("business", Business))
            .AssertReply(DialogTexts.MenuQuestion, "id")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_dialog_changed_by_a_deploy_restarts_politely()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot)
            .Send("hello")
            .AssertReply(DialogTexts.Greeting, "en", ("business", Business))
            .AssertReply(DialogTexts.MenuQuestion, "en")
            .Do(() => bot.QueryAsync(db => db.Conversations.ExecuteUpdateAsync(s => s.SetProperty(
                c => c.StateJson, c => c.StateJson.Replace("\"id\":\"root.menu\",\"version\":1", "\"id\":\"root.menu\",\"version\":0")))))
            .Send("1")
            .AssertReply(RuntimeTexts.DialogRestarted, "en")
            .AssertReply(DialogTexts.AnythingElse, "en")
            .StartTestAsync();
    }
}
