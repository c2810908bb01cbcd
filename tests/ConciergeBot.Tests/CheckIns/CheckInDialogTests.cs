using ConciergeBot.Activities;
using ConciergeBot.CheckIns;
using ConciergeBot.Dialogs.CheckIn;
using ConciergeBot.Dialogs.ProblemReport;
using ConciergeBot.Tests.Harness;
using ConciergeBot.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using static ConciergeBot.Tests.Scheduling.ScheduleFixtures;

namespace ConciergeBot.Tests.CheckIns;

/// <summary>"How was everything?" through the real pipeline on a fake clock: planned on completion, asked out of quiet hours, answered well or poorly.</summary>
public sealed class CheckInDialogTests
{
    [Fact]
    public async Task A_completed_visit_is_asked_about_the_next_morning_in_Indonesian_and_a_good_score_is_thanked_with_the_review_link()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly(("CheckIns:Delay", "20:00:00"), ("CheckIns:ReviewUrl", "https://g.page/r/bmj/review")));
        var visit = await bot.CompletedVisitAsync("CI-GOOD");

        Assert.Equal(1, (await bot.SweepAsync()).Planned);
        // 11:00 + 20 hours is 07:00, inside the quiet hours (21:00-08:00): it waits for 08:00.
        var planned = await bot.CheckInAsync(visit);
        Assert.Equal((CheckInStatus.Scheduled, Dec(2, 8).UtcDateTime), (planned.Status, planned.DueAt));
        await bot.AtAsync(Dec(2, 7, 59));
        Assert.Equal(0, (await bot.SweepAsync()).Started);

        await bot.AtAsync(Dec(2, 8));
        Assert.Equal(1, (await bot.SweepAsync()).Started);
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id")
            .AssertReply(reply =>
            {
                Assert.Equal(bot.Locales.Get("id", CheckInTexts.AskVisit, ("name", "Wati"), ("service", "Servis AC mobil"), ("day", "kemarin")), reply.Text);
                Assert.Equal(["1", "2", "3", "4", "5"], reply.SuggestedActions!.Actions.Select(a => a.Title));
                Assert.Equal("visit_check_in", reply.ChannelData!["template"]!["name"]!.GetValue<string>());
                Assert.Equal("Wati", MessageTemplate.Of(reply)!.Variables["1"]);
            })
            .Send("mantap, teknisinya ramah 👍")
            .AssertReply(CheckInTexts.Thanks, "id")
            .AssertReply(CheckInTexts.InviteReview, "id", ("url", "https://g.page/r/bmj/review"))
            .AssertNoReply()
            .StartTestAsync();

        var answered = await bot.CheckInAsync(visit);
        Assert.Equal((CheckInStatus.Answered, 5, Dec(2, 8).UtcDateTime), (answered.Status, answered.Score, answered.AnsweredAt));
    }

    [Fact]
    public async Task A_poor_score_that_says_what_went_wrong_is_not_asked_again()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly());
        var visit = await bot.AskedVisitAsync("CI-SAID", "en", "Sarah Lim");

        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "en")
            .AssertReply(_ => { })
            .Send("2, still leaking after service")
            .AssertReply(ProblemTexts.AskPhotos, "en")
            .StartTestAsync();

        Assert.Equal(2, (await bot.CheckInAsync(visit)).Score);
    }

    [Fact]
    public async Task A_customer_in_the_middle_of_something_is_not_interrupted_until_it_would_lapse()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly());
        var visit = await bot.CompletedVisitAsync("CI-BUSY");
        await bot.SweepAsync();
        await bot.AtAsync(Dec(1, 13, 50));
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id")
            .Send("mau ganti jadwal")
            .AssertReply(_ => { })
            .StartTestAsync();

        await bot.AtAsync(Dec(1, 14, 10));
        Assert.Equal(0, (await bot.SweepAsync()).Started);
        await bot.AtAsync(Dec(1, 15, 51));
        Assert.Equal(1, (await bot.SweepAsync()).Started);
        Assert.Equal(CheckInStatus.Started, (await bot.CheckInAsync(visit)).Status);
    }

    [Fact]
    public async Task A_request_instead_of_a_score_is_taken_as_the_request()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly());
        var visit = await bot.AskedVisitAsync("CI-REQ");

        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id")
            .AssertReply(_ => { })
            .Send("saya telat terus, mau ganti jadwal servis berikutnya")
            .AssertReply(reply => Assert.DoesNotContain("maaf", reply.Text, StringComparison.OrdinalIgnoreCase))
            .StartTestAsync();

        Assert.Null((await bot.CheckInAsync(visit)).Score);
    }

    [Fact]
    public async Task A_business_that_never_marks_visits_completed_is_asked_about_once_their_end_has_passed()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly(("CheckIns:CompleteWhenEndPassed", "true")));
        var visit = await bot.BookAsync("CI-ENDED", "servis-ac", "bay-1", Dec(1, 10), phone: CheckInFixtures.Phone, name: "Wati Suryani");
        await bot.HelloAsync("id");

        await bot.AtAsync(Dec(1, 10, 59));
        Assert.Equal(0, (await bot.SweepAsync()).Planned);
        await bot.AtAsync(Dec(1, 11));
        Assert.Equal(1, (await bot.SweepAsync()).Planned);
        Assert.Equal(0, (await bot.SweepAsync()).Planned);

        var planned = await bot.CheckInAsync(visit.Id);
        Assert.Equal((CheckInStatus.Scheduled, Dec(1, 14).UtcDateTime), (planned.Status, planned.DueAt));
    }

    [Fact]
    public async Task A_poor_score_in_English_apologises_and_continues_into_the_problem_report_with_the_appointment_linked()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly());
        var visit = await bot.AskedVisitAsync("CI-POOR", "en", "Sarah Lim");

        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "en")
            .AssertReply(CheckInTexts.AskVisit, "en", ("name", "Sarah"), ("service", "Car A/C service"), ("day", "today"))
            .Send("⭐⭐ not good")
            .AssertReply(CheckInTexts.Sorry, "en")
            .AssertNoReply()
            .Send("the technician was rude and shouted at my wife")
            .AssertReply(ProblemTexts.ApologyMedium, "en", ("category", "staff behaviour"))
            .StartTestAsync();

        var checkIn = await bot.CheckInAsync(visit);
        Assert.Equal((CheckInStatus.Answered, 2), (checkIn.Status, checkIn.Score));
        var ticket = await bot.QueryAsync(db => db.Tickets.AsNoTracking().SingleAsync());
        Assert.Equal(visit, ticket.AppointmentId);
    }

    [Fact]
    public async Task An_unanswered_check_in_expires_quietly_and_a_late_score_is_then_just_a_message()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly());
        var visit = await bot.AskedVisitAsync("CI-LATE");
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id").AssertReply(CheckInTexts.AskVisit, "id", ("name", "Wati"), ("service", "Servis AC mobil"), ("day", "hari ini")).StartTestAsync();

        // Two days (ExpireAfter) without an answer: closed, and nothing is said.
        await bot.AtAsync(Dec(3, 14));
        Assert.Equal(1, (await bot.SweepAsync()).Expired);
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id").AssertNoReply().StartTestAsync();
        Assert.Equal(CheckInStatus.Expired, (await bot.CheckInAsync(visit)).Status);

        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id")
            .Send("5")
            .AssertReply(reply => Assert.NotEqual(bot.Locales.Get("id", CheckInTexts.Thanks), reply.Text))
            .StartTestAsync();
        Assert.Null((await bot.CheckInAsync(visit)).Score);
    }

    [Fact]
    public async Task A_score_written_after_the_conversation_went_idle_still_answers_the_open_check_in()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly());
        var visit = await bot.AskedVisitAsync("CI-IDLE");
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id").AssertReply(_ => { }).StartTestAsync();

        // The next morning: past the idle timeout, so the dialog stack starts afresh, but the check-in is still open.
        await bot.AtAsync(Dec(2, 9));
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id")
            .Send("bagus kok")
            .AssertReply(CheckInTexts.Thanks, "id")
            .StartTestAsync();
        Assert.Equal(4, (await bot.CheckInAsync(visit)).Score);
    }
}
