using ConciergeBot.Dialogs;
using ConciergeBot.Dialogs.ProblemReport;
using ConciergeBot.Handoff;
using ConciergeBot.Scheduling;
using ConciergeBot.Scheduling.Booking;
using ConciergeBot.Tests.Handoff;
using ConciergeBot.Tests.Harness;
using ConciergeBot.Tests.Scheduling;
using ConciergeBot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConciergeBot.Tests.Scheduling.ScheduleFixtures;

namespace ConciergeBot.Tests.Tickets;

/// <summary>What a problem report gives back: a free re-visit booked through the slot search, and what is left to a person.</summary>
public sealed class CompensationTests
{
    private const string Business = "Bengkel Maju Jaya";
    private const string Phone = "+6281377778888";

    [Fact]
    public async Task Poor_work_on_a_visit_earns_a_free_revisit_booked_at_a_time_the_customer_picks()
    {
        await using var bot = await BotHarness.StartAsync();
        var visit = await bot.BookAsync("T-POOR", "servis-ac", "bay-1", Dec(1, 8), phone: Phone, name: "Rina Kusuma");
        var offered = await OfferedAsync(bot, visit);

        await new TestFlow(bot, user: Phone, locale: "en")
            .Send("the aircon is still leaking after your service, poor job")
            .AssertReply(ProblemTexts.WhichAppointment, "en")
            .Send("1")
            .AssertReply(ProblemTexts.AskPhotos, "en")
            .Send("skip")
            .AssertReply(ProblemTexts.ApologyMedium, "en", ("category", "quality of the work"))
            .AssertReplyContains("TKT-")
            .AssertReply(reply =>
            {
                Assert.Equal(bot.Locales.Get("en", ProblemTexts.RevisitOffer), reply.Text);
                Assert.Equal(offered.Count + 1, reply.SuggestedActions!.Actions.Count);
            })
            .Send("1")
            .AssertReply(reply => Assert.StartsWith("Done: your free re-visit is booked for ", reply.Text, StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();

        var ticket = await bot.QueryAsync(db => db.Tickets.AsNoTracking().SingleAsync());
        var revisit = await bot.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Notes == "Free re-visit for " + ticket.Reference));
        Assert.Equal((visit.CustomerId, visit.ServiceId, AppointmentStatus.Booked), (revisit.CustomerId, revisit.ServiceId, revisit.Status));
        Assert.Equal((offered[0].Start.UtcDateTime, offered[0].ResourceId), (revisit.Start, revisit.ResourceId));
        Assert.Equal("free re-visit " + revisit.Reference, ticket.Compensation);
        Assert.False(ticket.Escalated);
    }

    [Fact]
    public async Task A_revisit_for_a_visit_still_to_come_is_never_offered_that_visits_own_time()
    {
        await using var bot = await BotHarness.StartAsync();
        var visit = await bot.BookAsync("T-SOON", "servis-ac", "bay-1", Dec(1, 13), phone: Phone, name: "Rina Kusuma");

        await new TestFlow(bot, user: Phone, locale: "en")
            .Send("the aircon is still leaking after your service, poor job")
            .AssertReply(ProblemTexts.WhichAppointment, "en")
            .Send("1")
            .AssertReply(ProblemTexts.AskPhotos, "en")
            .Send("skip")
            .AssertReply(ProblemTexts.ApologyMedium, "en", ("category", "quality of the work"))
            .AssertReplyContains("TKT-")
            .AssertReply(reply => Assert.DoesNotContain(reply.SuggestedActions!.Actions, a => a.Title.Contains("13:00", StringComparison.Ordinal) && a.Title.Contains("1 Dec", StringComparison.Ordinal)))
            .StartTestAsync();
        Assert.Equal(Dec(1, 13).UtcDateTime, (await bot.AppointmentAsync("T-SOON")).Start);
        Assert.NotNull(visit);
    }

    [Fact]
    public async Task A_time_taken_meanwhile_brings_fresh_times_and_never_a_double_booking()
    {
        await using var bot = await BotHarness.StartAsync();
        var visit = await bot.BookAsync("T-TAKEN", "servis-ac", "bay-1", Dec(1, 8), phone: Phone, name: "Rina Kusuma");
        var first = (await OfferedAsync(bot, visit))[0];

        await PoorWorkReportedInIndonesian(bot)
            .StartTestAsync();
        var resource = await bot.QueryAsync(db => db.Resources.Where(r => r.Id == first.ResourceId).Select(r => r.Code).SingleAsync());
        await bot.BookAsync("T-OTHER", "servis-ac", resource, first.Start);

        await new TestFlow(bot, user: Phone, locale: "id")
            .Send("1")
            .AssertReply(ProblemTexts.RevisitTaken, "id")
            .Send("1")
            .AssertReply(reply => Assert.StartsWith("Beres: kunjungan ulang gratis Anda sudah dipesan untuk ", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        var revisit = await bot.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Notes!.StartsWith("Free re-visit")));
        Assert.False(revisit.Start == first.Start.UtcDateTime && revisit.ResourceId == first.ResourceId);
    }

    [Fact]
    public async Task Later_leaves_the_revisit_to_the_team()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.BookAsync("T-LATER", "servis-ac", "bay-1", Dec(1, 8), phone: Phone, name: "Rina Kusuma");

        await PoorWorkReportedInIndonesian(bot)
            .Send("nanti saja")
            .AssertReply(ProblemTexts.Revisit, "id")
            .StartTestAsync();

        Assert.False(await bot.QueryAsync(db => db.Appointments.AnyAsync(a => a.Notes!.StartsWith("Free re-visit"))));
        Assert.Equal("free re-visit offered", (await bot.QueryAsync(db => db.Tickets.AsNoTracking().SingleAsync())).Compensation);
    }

    [Fact]
    public async Task A_voucher_above_what_the_bot_may_grant_goes_to_a_person_to_approve()
    {
        await using var bot = await BotHarness.StartAsync(settings: new() { ["Tickets:BotMayGrantUpTo"] = "25000" });

        await new TestFlow(bot, locale: "en")
            .Send("the technician never showed up yesterday")
            .AssertReply(ProblemTexts.ApologyMedium, "en", ("category", "staff late or not coming"))
            .AssertReplyContains("TKT-")
            .AssertReply(ProblemTexts.ForAPerson, "en")
            .AssertReplyStartsWith(DialogTexts.HandoffSerious, "en", ("business", Business))
            .StartTestAsync();

        var ticket = await bot.QueryAsync(db => db.Tickets.AsNoTracking().SingleAsync());
        Assert.True(ticket.Escalated);
        Assert.Equal("Voucher of 50,000 IDR, for a person to approve", ticket.Compensation);
        Assert.Contains(ticket.Reference, (await bot.OpenCaseAsync("conversation-1")).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_angry_report_goes_to_a_person_even_when_the_problem_is_small()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, locale: "en")
            .Send("this is ridiculous!!! your website keeps crashing, absolutely unacceptable")
            .AssertReply(ProblemTexts.ApologyMedium, "en", ("category", "app or website"))
            .AssertReplyContains("TKT-")
            .AssertReplyStartsWith(DialogTexts.HandoffSerious, "en", ("business", Business))
            .StartTestAsync();

        var handoff = await bot.OpenCaseAsync("conversation-1");
        Assert.Equal(HandoffPriorities.High, handoff.Priority);
    }

    /// <summary>Up to the offer of re-visit times.</summary>
    private static TestFlow PoorWorkReportedInIndonesian(BotHarness bot) =>
        new TestFlow(bot, user: Phone, locale: "id")
            .Send("AC masih bocor setelah diservis, kerjanya tidak beres")
            .AssertReply(ProblemTexts.WhichAppointment, "id")
            .Send("1")
            .AssertReply(ProblemTexts.AskPhotos, "id")
            .Send("lewati")
            .AssertReply(ProblemTexts.ApologyMedium, "id", ("category", "kualitas pekerjaan"))
            .AssertReplyContains("TKT-")
            .AssertReply(ProblemTexts.RevisitOffer, "id");

    private static async Task<IReadOnlyList<ConciergeBot.Scheduling.Availability.Slot>> OfferedAsync(BotHarness bot, AppointmentView visit)
    {
        var slots = await bot.Services.GetRequiredService<MoveSearch>().NearestForAnotherAsync(visit, bot.Clock.GetUtcNow(), "test", 3, CancellationToken.None);
        Assert.NotEmpty(slots);
        return slots;
    }
}
