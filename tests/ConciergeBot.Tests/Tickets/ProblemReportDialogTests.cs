using ConciergeBot.Activities;
using ConciergeBot.Dialogs;
using ConciergeBot.Dialogs.ProblemReport;
using ConciergeBot.Handoff;
using ConciergeBot.Pipeline;
using ConciergeBot.Tests.Handoff;
using ConciergeBot.Tests.Harness;
using ConciergeBot.Tests.Scheduling;
using ConciergeBot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConciergeBot.Tests.Scheduling.ScheduleFixtures;

namespace ConciergeBot.Tests.Tickets;

/// <summary>"Report a problem" through the real pipeline: each path in both languages, the follow-up after a fix, and a reopened ticket.</summary>
public sealed class ProblemReportDialogTests
{
    private const string Business = "Bengkel Maju Jaya";
    private const string Phone = "+6281355556666";

    private static Task<Ticket> TicketAsync(BotHarness bot) =>
        bot.QueryAsync(db => db.Tickets.AsNoTracking().OrderByDescending(t => t.CreatedAt).FirstAsync());

    [Fact]
    public async Task A_known_customer_whose_technician_never_came_gets_an_apology_a_reference_and_a_voucher_within_the_bots_limit()
    {
        await using var bot = await BotHarness.StartAsync();
        var visit = await bot.BookAsync("T-VISIT", "servis-ac", "bay-1", Dec(2, 10), phone: Phone, name: "Rina Kusuma");
        string? reference = null;

        await new TestFlow(bot, user: Phone, locale: "en")
            .Send("the technician never showed up yesterday and I waited all morning")
            .AssertReply(reply =>
            {
                Assert.Equal(bot.Locales.Get("en", ProblemTexts.WhichAppointment), reply.Text);
                Assert.Equal(2, reply.SuggestedActions!.Actions.Count);
            })
            .Send("1")
            .AssertReply(ProblemTexts.ApologyMedium, "en", ("category", "staff late or not coming"))
            .AssertReply(reply => reference = reply.Text![(reply.Text!.IndexOf("TKT-", StringComparison.Ordinal))..][..10])
            .AssertReply(reply => Assert.Matches(@"^As an apology, here is a voucher worth 50,000 IDR for your next visit: MAAF-[2-9A-Z]{6}\.$", reply.Text))
            .AssertNoReply()
            .StartTestAsync();

        var ticket = await TicketAsync(bot);
        Assert.Equal((reference, "no-show", Severity.Medium, TicketStatus.Open, false), (ticket.Reference, ticket.Category, ticket.Severity, ticket.Status, ticket.Escalated));
        Assert.Equal(visit.Id, ticket.AppointmentId);
        Assert.StartsWith("voucher MAAF-", ticket.Compensation, StringComparison.Ordinal);
        Assert.Equal(1, await bot.QueryAsync(db => db.BusinessEvents.CountAsync(e => e.Type == TicketEventTypes.Opened)));
        Assert.Null(await bot.CaseAsync("conversation-1"));
    }

    [Fact]
    public async Task Damage_reported_in_Indonesian_takes_photos_and_goes_to_a_person_at_high_priority_with_the_ticket()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, locale: "id")
            .Send("mau lapor masalah")
            .AssertReply(ProblemTexts.AskDescription, "id")
            .Send("mobil saya lecet di pintu kiri setelah diservis")
            .AssertReply(ProblemTexts.AskPhotos, "id")
            .Send(new Activity
            {
                Type = ActivityTypes.Message,
                Attachments = [new Attachment { ContentType = "image/jpeg", ContentUrl = "https://files.example/lecet.jpg", Name = "lecet.jpg" }],
            })
            .AssertReply(ProblemTexts.PhotosReceived, "id")
            .AssertReply(ProblemTexts.ApologySerious, "id")
            .AssertReplyContains("TKT-")
            .AssertReply(ProblemTexts.ForAPerson, "id")
            .AssertReplyStartsWith(DialogTexts.HandoffSerious, "id", ("business", Business))
            .StartTestAsync();

        var ticket = await TicketAsync(bot);
        Assert.Equal(("damage", Severity.High, true), (ticket.Category, ticket.Severity, ticket.Escalated));
        Assert.Contains("lecet.jpg", ticket.AttachmentsJson, StringComparison.Ordinal);
        var handoff = await bot.OpenCaseAsync("conversation-1");
        Assert.Equal((EscalationReasons.SeriousProblem, HandoffPriorities.High), (handoff.Reason, handoff.Priority));
        Assert.Contains(ticket.Reference, handoff.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_words_point_nowhere_the_category_is_asked_and_a_small_problem_stays_with_the_bot()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, locale: "en")
            .Send("I want to report a problem")
            .AssertReply(ProblemTexts.AskDescription, "en")
            .Send("something is not right with my booking confirmation")
            .AssertReply(reply =>
            {
                Assert.Equal(bot.Locales.Get("en", ProblemTexts.AskCategory), reply.Text);
                Assert.Contains("App or website", reply.SuggestedActions!.Actions.Select(a => a.Title));
            })
            .Send("App or website")
            .AssertReply(ProblemTexts.ApologyLow, "en", ("category", "app or website"))
            .AssertReplyContains("TKT-")
            .AssertNoReply()
            .StartTestAsync();

        var ticket = await TicketAsync(bot);
        Assert.Equal(("app", Severity.Low, false, (string?)null), (ticket.Category, ticket.Severity, ticket.Escalated, ticket.Compensation));
    }

    [Fact]
    public async Task A_safety_problem_is_critical_and_goes_to_a_person()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, locale: "en")
            .Send("there was smoke coming from the engine after your service")
            .AssertReply(ProblemTexts.ApologySerious, "en")
            .AssertReplyContains("TKT-")
            .AssertReplyStartsWith(DialogTexts.HandoffSerious, "en", ("business", Business))
            .StartTestAsync();

        Assert.Equal(Severity.Critical, (await TicketAsync(bot)).Severity);
    }

    [Fact]
    public async Task A_repeat_problem_is_more_serious_and_goes_to_a_person()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.BookAsync("T-REPEAT", "servis-ac", "bay-1", Dec(2, 10), phone: Phone, name: "Rina Kusuma");
        var first = new TestFlow(bot, conversation: "first", user: Phone, locale: "en")
            .Send("I have a problem with the app login error")
            .AssertReply(ProblemTexts.WhichAppointment, "en")
            .Send("None of these")
            .AssertReply(ProblemTexts.ApologyLow, "en", ("category", "app or website"))
            .AssertReplyContains("TKT-");
        await first.StartTestAsync();

        await new TestFlow(bot, conversation: "second", user: Phone, locale: "en")
            .Send("the app shows an error again when I log in")
            .AssertReply(ProblemTexts.WhichAppointment, "en")
            .Send("None of these")
            .AssertReply(ProblemTexts.ApologyMedium, "en", ("category", "app or website"))
            .AssertReplyContains("TKT-")
            .AssertReplyStartsWith(DialogTexts.HandoffSerious, "en", ("business", Business))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en", "yes")]
    [InlineData("id", "sudah, makasih")]
    public async Task After_a_fix_the_customer_hears_what_was_done_and_a_yes_closes_the_loop(string language, string yes)
    {
        await using var bot = await BotHarness.StartAsync();
        var ticket = await ReportAppProblemAsync(bot, language);

        await bot.Services.GetRequiredService<TicketDesk>().ChangeAsync(
            new TicketChange(ticket.Reference, "admin", TicketStatus.Resolved, "We fixed the login page; please try again.", null), CancellationToken.None);

        await new TestFlow(bot, locale: language)
            .AssertReply(ProblemTexts.FollowUp, language, ("reference", ticket.Reference), ("action", "We fixed the login page; please try again."))
            .AssertReply(ProblemTexts.SortedNow, language)
            .Send(yes)
            .AssertReply(ProblemTexts.Glad, language)
            .StartTestAsync();

        var history = await bot.QueryAsync(db => db.TicketActions.Where(a => a.TicketId == ticket.Id).OrderBy(a => a.Id).Select(a => a.Kind).ToListAsync());
        Assert.Equal([TicketActionKind.Opened, TicketActionKind.CorrectiveAction, TicketActionKind.Resolved, TicketActionKind.Confirmed], history);
    }

    [Fact]
    public async Task A_no_after_the_fix_reopens_the_ticket_and_brings_a_person()
    {
        await using var bot = await BotHarness.StartAsync();
        var ticket = await ReportAppProblemAsync(bot, "en");
        await bot.Services.GetRequiredService<TicketDesk>().ChangeAsync(new TicketChange(ticket.Reference, "admin", TicketStatus.Resolved, null, null), CancellationToken.None);

        await new TestFlow(bot, locale: "en")
            .AssertReply(ProblemTexts.FollowUpResolved, "en", ("reference", ticket.Reference))
            .AssertReply(ProblemTexts.SortedNow, "en")
            .Send("no")
            .AssertReply(ProblemTexts.Reopened, "en", ("reference", ticket.Reference))
            .AssertReplyStartsWith(DialogTexts.HandoffSerious, "en", ("business", Business))
            .StartTestAsync();

        var reopened = await TicketAsync(bot);
        Assert.Equal((TicketStatus.Open, 1, true), (reopened.Status, reopened.Reopened, reopened.Escalated));
        Assert.Equal(1, await bot.QueryAsync(db => db.BusinessEvents.CountAsync(e => e.Type == TicketEventTypes.Reopened)));
    }

    [Fact]
    public async Task While_a_person_has_the_conversation_the_update_is_told_without_a_question()
    {
        await using var bot = await BotHarness.StartAsync();
        var ticket = await ReportAppProblemAsync(bot, "en");
        await new TestFlow(bot, locale: "en")
            .Send("I want to talk to a person")
            .AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, "en", ("business", Business))
            .StartTestAsync();

        await bot.Services.GetRequiredService<TicketDesk>().ChangeAsync(new TicketChange(ticket.Reference, "admin", null, "We reset your account.", null), CancellationToken.None);

        await new TestFlow(bot, locale: "en")
            .AssertReply(ProblemTexts.FollowUp, "en", ("reference", ticket.Reference), ("action", "We reset your account."))
            .AssertNoReply()
            .StartTestAsync();
        Assert.Equal(HandoffStatus.Waiting, (await bot.OpenCaseAsync("conversation-1")).Status);
    }

    private static async Task<Ticket> ReportAppProblemAsync(BotHarness bot, string language)
    {
        await new TestFlow(bot, locale: language)
            .Send(language == "en" ? "I want to report that the app login shows an error" : "mau lapor aplikasi eror waktu login")
            .AssertReply(ProblemTexts.ApologyLow, language, ("category", language == "en" ? "app or website" : "aplikasi atau situs"))
            .AssertReplyContains("TKT-")
            .StartTestAsync();
        return await TicketAsync(bot);
    }
}
