using ConciergeBot.CheckIns;
using ConciergeBot.Dialogs;
using ConciergeBot.Dialogs.CheckIn;
using ConciergeBot.Handoff;
using ConciergeBot.Tests.Handoff;
using ConciergeBot.Tests.Harness;
using ConciergeBot.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using static ConciergeBot.Tests.Scheduling.ScheduleFixtures;

namespace ConciergeBot.Tests.CheckIns;

/// <summary>Reminders before an appointment (confirm, reschedule, a person) and the short question after a person helped.</summary>
public sealed class ReminderAndHandoffTests
{
    private const string Business = "Bengkel Maju Jaya";

    /// <summary>A booking on Friday 4 December at 15:00, reminded two days ahead: Wednesday 2 December at 15:00.</summary>
    private static async Task<Guid> RemindedAsync(BotHarness bot, string reference, string language)
    {
        var visit = await bot.BookAsync(reference, "servis-ac", "bay-1", Dec(4, 15), phone: CheckInFixtures.Phone, name: "Wati Suryani");
        await bot.HelloAsync(language);
        await bot.AtAsync(Dec(2, 14, 30));
        await bot.SweepAsync();
        var planned = await bot.CheckInAsync(visit.Id, CheckInKind.Reminder);
        Assert.Equal(Dec(2, 15).UtcDateTime, planned.DueAt);
        await bot.AtAsync(Dec(2, 15));
        await bot.SweepAsync();
        return visit.Id;
    }

    private static Task<BotHarness> StartAsync() =>
        BotHarness.StartAsync(settings: new() { ["Reminders:Before"] = "2.00:00:00" });

    [Fact]
    public async Task A_reminder_offers_three_quick_replies_and_a_confirmation_is_recorded()
    {
        await using var bot = await StartAsync();
        var visit = await RemindedAsync(bot, "REM-OK", "en");

        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "en")
            .AssertReply(reply =>
            {
                Assert.StartsWith("Hi Wati, a reminder: your Car A/C service is Friday 4 December", reply.Text, StringComparison.Ordinal);
                Assert.Equal(["Confirm", "Reschedule", "Talk to a person"], reply.SuggestedActions!.Actions.Select(a => a.Title));
                Assert.Equal("appointment_reminder", reply.ChannelData!["template"]!["name"]!.GetValue<string>());
            })
            .Send("Confirm")
            .AssertReply(CheckInTexts.Confirmed, "en")
            .StartTestAsync();

        var row = await bot.CheckInAsync(visit, CheckInKind.Reminder);
        Assert.Equal((CheckInStatus.Answered, ReminderOutcomes.Confirmed), (row.Status, row.Outcome));
    }

    [Fact]
    public async Task A_reminder_answered_the_next_morning_is_still_answered()
    {
        await using var bot = await StartAsync();
        var visit = await RemindedAsync(bot, "REM-LATE", "id");
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id")
            .AssertReply(reply => Assert.StartsWith("Halo Wati", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        await bot.AtAsync(Dec(3, 8));
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id")
            .Send("ya")
            .AssertReply(CheckInTexts.Confirmed, "id")
            .StartTestAsync();

        var row = await bot.CheckInAsync(visit, CheckInKind.Reminder);
        Assert.Equal((CheckInStatus.Answered, ReminderOutcomes.Confirmed), (row.Status, row.Outcome));
    }

    [Fact]
    public async Task An_appointment_moved_after_its_reminder_is_reminded_again_for_its_new_time()
    {
        await using var bot = await StartAsync();
        var visit = await RemindedAsync(bot, "REM-MOVED", "en");
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "en")
            .AssertReply(reply => Assert.StartsWith("Hi Wati, a reminder: your Car A/C service is Friday 4 December", reply.Text, StringComparison.Ordinal))
            .Send("Confirm")
            .AssertReply(CheckInTexts.Confirmed, "en")
            .StartTestAsync();

        await bot.QueryAsync(async db =>
        {
            var moved = await db.Appointments.SingleAsync(a => a.Id == visit);
            var service = await db.Services.SingleAsync(s => s.Id == moved.ServiceId);
            moved.Place(moved.ResourceId, Dec(5, 15).UtcDateTime, service);
            return await db.SaveChangesAsync();
        });
        await bot.AtAsync(Dec(3, 15));
        await bot.SweepAsync();

        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "en")
            .AssertReply(reply => Assert.StartsWith("Hi Wati, a reminder: your Car A/C service is Saturday 5 December", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
        Assert.Equal(2, await bot.QueryAsync(db => db.CheckIns.CountAsync(c => c.AppointmentId == visit && c.Kind == CheckInKind.Reminder)));
    }

    [Fact]
    public async Task Reschedule_from_a_reminder_goes_straight_to_that_appointment()
    {
        await using var bot = await StartAsync();
        await RemindedAsync(bot, "REM-MOVE", "id");

        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id")
            .AssertReply(_ => { })
            .Send("Ganti jadwal")
            .AssertReplyContains("REM-MOVE")
            .StartTestAsync();
    }

    [Fact]
    public async Task Talk_to_a_person_from_a_reminder_hands_over()
    {
        await using var bot = await StartAsync();
        var visit = await RemindedAsync(bot, "REM-HUMAN", "en");

        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "en")
            .AssertReply(_ => { })
            .Send("Talk to a person")
            .AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, "en", ("business", Business))
            .StartTestAsync();

        Assert.Equal(ReminderOutcomes.Person, (await bot.CheckInAsync(visit, CheckInKind.Reminder)).Outcome);
        Assert.NotNull(await bot.CaseAsync("conversation-1"));
    }

    [Fact]
    public async Task A_reminder_for_a_cancelled_appointment_is_skipped()
    {
        await using var bot = await StartAsync();
        var visit = await bot.BookAsync("REM-GONE", "servis-ac", "bay-1", Dec(4, 15), phone: CheckInFixtures.Phone, name: "Wati Suryani");
        await bot.HelloAsync("en");
        await bot.AtAsync(Dec(2, 14, 30));
        await bot.SweepAsync();
        await bot.QueryAsync(async db =>
        {
            var appointment = await db.Appointments.SingleAsync(a => a.Id == visit.Id);
            appointment.Status = ConciergeBot.Scheduling.AppointmentStatus.Cancelled;
            return await db.SaveChangesAsync();
        });
        await bot.AtAsync(Dec(2, 15));
        await bot.SweepAsync();

        Assert.Equal(CheckInStatus.Skipped, (await bot.CheckInAsync(visit.Id, CheckInKind.Reminder)).Status);
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "en").AssertNoReply().StartTestAsync();
    }

    [Fact]
    public async Task After_an_agent_resolves_a_handoff_the_customer_is_asked_once_how_it_went_but_not_after_a_hand_back()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly());
        await bot.BookAsync("HO-1", "servis-ac", "bay-1", Dec(4, 15), phone: CheckInFixtures.Phone, name: "Wati Suryani");
        var sari = await bot.AgentAsync("sari", "Sari");
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "en")
            .Send("I want to talk to a person")
            .AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, "en", ("business", Business))
            .StartTestAsync();
        var open = await bot.OpenCaseAsync("conversation-1");
        await bot.Desk().ClaimAsync(open.Id, sari.Id, CancellationToken.None);
        await bot.Desk().ResolveAsync(open.Id, sari.Id, "explained the invoice", CancellationToken.None);
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "en").AssertReply(_ => { }).AssertReply(_ => { }).StartTestAsync();

        // Not while the customer may still be typing: after the quiet minutes the question comes.
        Assert.Equal(0, (await bot.SweepAsync()).Started);
        await bot.AdvanceAsync(TimeSpan.FromMinutes(11));
        Assert.Equal(1, (await bot.SweepAsync()).Started);
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "en")
            .AssertReply(CheckInTexts.AskHandoff, "en", ("name", "Wati"), ("business", Business))
            .Send("5")
            .AssertReply(CheckInTexts.Thanks, "en")
            .StartTestAsync();
        var survey = await bot.QueryAsync(db => db.CheckIns.AsNoTracking().SingleAsync(c => c.HandoffCaseId == open.Id));
        Assert.Equal((CheckInKind.Handoff, CheckInStatus.Answered, 5), (survey.Kind, survey.Status, survey.Score));

        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "en")
            .Send("I want to talk to a person")
            .AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, "en", ("business", Business))
            .StartTestAsync();
        var again = await bot.OpenCaseAsync("conversation-1");
        await bot.Desk().ClaimAsync(again.Id, sari.Id, CancellationToken.None);
        await bot.Desk().HandBackAsync(again.Id, sari.Id, CancellationToken.None);
        Assert.False(await bot.QueryAsync(db => db.CheckIns.AnyAsync(c => c.HandoffCaseId == again.Id)));
    }
}
