using ConciergeBot.Activities;
using ConciergeBot.Dialogs;
using ConciergeBot.Dialogs.Reschedule;
using ConciergeBot.Events;
using ConciergeBot.Localization;
using ConciergeBot.Scheduling;
using ConciergeBot.Tests.Harness;
using ConciergeBot.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using static ConciergeBot.Tests.Scheduling.ScheduleFixtures;

namespace ConciergeBot.Tests.Dialogs;

/// <summary>
/// "Reschedule my appointment" against the demo workshop, on Tuesday 1 December 2026 at 09:00 in
/// Jakarta. Budi (+6281234567890, Indonesian) has a periodic service, BMJ-1001, on Friday 4 December
/// at 10:00 on bay 1; Sarah (+6281298765432, English) has two appointments. On Thursday morning
/// both general bays are busy from 09:00.
/// </summary>
public sealed class RescheduleDialogTests
{
    private const string Business = "Bengkel Maju Jaya";
    private const string Budi = "+6281234567890";
    private const string Sarah = "+6281298765432";

    [Fact]
    public async Task Budi_moves_his_service_to_a_free_time_in_Indonesian()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, user: Budi)
            .Send("mau ganti jadwal servis")
            .AssertReply("Saya menemukan jadwal Servis berkala Anda pada Jumat, 4 Desember pukul 10.00 (kode booking BMJ-1001).")
            .AssertReply(reply =>
            {
                Assert.Equal(bot.Locales.Get("id", RescheduleTexts.AskReason), reply.Text);
                Assert.Equal(["Lewati"], reply.SuggestedActions!.Actions.Select(a => a.Title));
            })
            .Send("Lewati")
            .AssertReply(RescheduleTexts.AskWhen, "id")
            .Send("senin jam 10 pagi")
            .AssertReply("Pindahkan jadwal Servis berkala Anda dari Jumat, 4 Desember pukul 10.00 ke Senin, 7 Desember pukul 10.00?")
            .Send("ya")
            .AssertReply("Beres! Jadwal Servis berkala Anda sekarang Senin, 7 Desember pukul 10.00. Kode booking tetap BMJ-1001. Sampai jumpa!")
            .StartTestAsync();

        var moved = await bot.AppointmentAsync("BMJ-1001");
        Assert.Equal(Dec(7, 10).UtcDateTime, moved.Start);
        Assert.Equal(1, moved.RescheduleCount);
        var change = Assert.Single(moved.History, h => h.Kind == AppointmentChangeKind.Rescheduled);
        Assert.Null(change.Reason);
        var published = await bot.QueryAsync(db => db.BusinessEvents.SingleAsync());
        Assert.Equal(BusinessEventTypes.AppointmentRescheduled, published.Type);
        Assert.Contains("BMJ-1001", published.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarah_picks_one_of_her_appointments_gives_a_reason_and_moves_it_in_English()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, user: Sarah)
            .Send("I need to reschedule my appointment")
            .AssertReply(reply =>
            {
                Assert.Equal("Which appointment would you like to move?", reply.Text);
                Assert.Equal(["Oil change, Thu 3 Dec, 14:00", "Wheel alignment & balancing, Tue 8 Dec, 09:00"], reply.SuggestedActions!.Actions.Select(a => a.Title));
            })
            .Send("the oil change")
            .AssertReply("I found your Oil change on Thursday 3 December at 14:00 (booking BMJ-1002).")
            .AssertReply(RescheduleTexts.AskReason, "en")
            .Send("I'll be out of town")
            .AssertReply(RescheduleTexts.AskWhen, "en")
            .Send("next monday at 3pm")
            .AssertReply("Shall I move your Oil change from Thursday 3 December at 14:00 to Monday 7 December at 15:00?")
            .Send("yes")
            .AssertReply("Done! Your Oil change is now on Monday 7 December at 15:00. Your booking reference stays BMJ-1002. See you then!")
            .StartTestAsync();

        var change = Assert.Single((await bot.AppointmentAsync("BMJ-1002")).History, h => h.Kind == AppointmentChangeKind.Rescheduled);
        Assert.Equal("I'll be out of town", change.Reason);
    }

    [Theory]
    [InlineData("id", "kamis jam 9", "Maaf, Kamis, 3 Desember pukul 09.00 sudah terisi.", "Waktu lain", "Bicara dengan petugas")]
    [InlineData("en", "thursday at 9am", "Sorry, Thursday 3 December at 09:00 is already taken.", "Another time", "Talk to a person")]
    public async Task A_taken_time_offers_the_three_nearest_free_times_and_one_can_be_picked(string language, string when, string taken, string another, string person)
    {
        await using var bot = await BotHarness.StartAsync();
        IReadOnlyList<string> offered = [];

        await StartAsBudi(bot, language)
            .Send(when)
            .AssertReply(taken)
            .AssertReply(reply =>
            {
                Assert.Equal(bot.Locales.Get(language, RescheduleTexts.Nearest), reply.Text);
                offered = [.. reply.SuggestedActions!.Actions.Select(a => a.Title!)];
                Assert.Equal(5, offered.Count);
                Assert.Equal([another, person], offered.Skip(3));
            })
            .Send("2")
            .AssertReply(reply => Assert.Contains(offered[1].Split(' ')[^1], reply.Text!, StringComparison.Ordinal))
            .Send(language == "id" ? "ya" : "yes")
            .AssertReply(reply => Assert.StartsWith(language == "id" ? "Beres!" : "Done!", reply.Text!, StringComparison.Ordinal))
            .StartTestAsync();

        var moved = await bot.AppointmentAsync("BMJ-1001");
        Assert.NotEqual(Dec(4, 10).UtcDateTime, moved.Start);
        Assert.Equal(AppointmentStatus.Booked, moved.Status);
    }

    [Theory]
    [InlineData("id", "senin pagi", "Sen, 7 Des")]
    [InlineData("en", "monday morning", "Mon 7 Dec")]
    public async Task A_window_offers_free_times_inside_it(string language, string window, string day)
    {
        await using var bot = await BotHarness.StartAsync();

        await StartAsBudi(bot, language)
            .Send(window)
            .AssertReply(reply =>
            {
                Assert.Equal(bot.Locales.Get(language, RescheduleTexts.InWindow), reply.Text);
                var times = reply.SuggestedActions!.Actions.Take(3).Select(a => a.Title!).ToList();
                Assert.Equal(3, times.Count);
                Assert.All(times, t => Assert.StartsWith(day, t, StringComparison.Ordinal));
                Assert.All(times, t => Assert.True(TimeOnly.Parse(t.Split(' ')[^1].Replace('.', ':'), System.Globalization.CultureInfo.InvariantCulture) < new TimeOnly(11, 0), t));
                Assert.Equal(3, times.Distinct().Count());
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_window_with_nothing_free_says_so_and_offers_the_nearest_times()
    {
        await using var bot = await BotHarness.StartAsync();

        await StartAsBudi(bot, "en")
            .Send("thursday morning")
            .AssertReply(RescheduleTexts.NothingInWindow, "en")
            .AssertReply(reply =>
            {
                Assert.Equal(bot.Locales.Get("en", RescheduleTexts.Nearest), reply.Text);
                Assert.Equal(5, reply.SuggestedActions!.Actions.Count);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en", "25 December at 10:00", "Sorry, we can't do your Periodic service at Friday 25 December at 10:00: we're closed or fully off duty then.")]
    [InlineData("id", "25 desember jam 10 pagi", "Maaf, kami tidak bisa melayani Servis berkala pada Jumat, 25 Desember pukul 10.00: bengkel tutup atau tidak ada petugas saat itu.")]
    public async Task A_time_when_the_workshop_is_closed_is_explained_and_alternatives_offered(string language, string when, string explanation)
    {
        await using var bot = await BotHarness.StartAsync();

        await StartAsBudi(bot, language)
            .Send(when)
            .AssertReply(explanation)
            .AssertReply(RescheduleTexts.Nearest, language)
            .StartTestAsync();
    }

    [Fact]
    public async Task The_first_message_can_already_say_when()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, user: Budi)
            .Send("bisa pindah jadwal servis ke senin jam 1 siang?")
            .AssertReply(RescheduleTexts.Found, "id", ("service", "Servis berkala"), ("when", "Jumat, 4 Desember pukul 10.00"), ("reference", "BMJ-1001"))
            .AssertReply(RescheduleTexts.AskReason, "id")
            .Send("ada acara keluarga")
            .AssertReply("Pindahkan jadwal Servis berkala Anda dari Jumat, 4 Desember pukul 10.00 ke Senin, 7 Desember pukul 13.00?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Saying_no_at_the_confirmation_asks_for_another_time_and_keeps_the_appointment()
    {
        await using var bot = await BotHarness.StartAsync();

        await StartAsBudi(bot, "id")
            .Send("senin jam 10")
            .AssertReplyContains("Senin, 7 Desember pukul 10.00?")
            .Send("nggak deh")
            .AssertReply(RescheduleTexts.AskWhenAgain, "id")
            .Send("rabu jam 2 siang")
            .AssertReplyContains("ke Rabu, 2 Desember pukul 14.00?")
            .StartTestAsync();

        Assert.Equal(Dec(4, 10).UtcDateTime, (await bot.AppointmentAsync("BMJ-1001")).Start);
    }

    [Fact]
    public async Task Naming_another_time_instead_of_answering_offers_that_time()
    {
        await using var bot = await BotHarness.StartAsync();

        await StartAsBudi(bot, "en")
            .Send("monday at 10am")
            .AssertReplyContains("to Monday 7 December at 10:00?")
            .Send("actually, wednesday at 2pm")
            .AssertReplyContains("to Wednesday 2 December at 14:00?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Another_time_asks_again()
    {
        await using var bot = await BotHarness.StartAsync();

        await StartAsBudi(bot, "en")
            .Send("thursday at 9am")
            .AssertReplyContains("already taken")
            .AssertReply(RescheduleTexts.Nearest, "en")
            .Send("Another time")
            .AssertReply(RescheduleTexts.AskWhenAgain, "en")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("id", "bicara dengan petugas")]
    [InlineData("en", "Talk to a person")]
    public async Task A_person_can_be_chosen_instead_of_the_offered_times(string language, string answer)
    {
        await using var bot = await BotHarness.StartAsync();

        await StartAsBudi(bot, language)
            .Send(language == "id" ? "kamis jam 9" : "thursday at 9am")
            .AssertReplyContains(language == "id" ? "sudah terisi" : "already taken")
            .AssertReply(RescheduleTexts.Nearest, language)
            .Send(answer)
            .AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, language, ("business", Business))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("id", "batal")]
    [InlineData("en", "cancel")]
    public async Task Cancel_at_any_step_stops_and_keeps_the_appointment(string language, string cancel)
    {
        await using var bot = await BotHarness.StartAsync();

        await StartAsBudi(bot, language)
            .Send(language == "id" ? "senin jam 10" : "monday at 10am")
            .AssertReply(reply => Assert.Equal(2, reply.SuggestedActions!.Actions.Count))
            .Send(cancel)
            .AssertReply(DialogTexts.Cancelled, language)
            .StartTestAsync();

        Assert.Equal(Dec(4, 10).UtcDateTime, (await bot.AppointmentAsync("BMJ-1001")).Start);
        Assert.Equal(0, await bot.QueryAsync(db => db.BusinessEvents.CountAsync()));
    }

    [Fact]
    public async Task A_guest_on_web_chat_proves_the_booking_with_reference_and_name()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, user: "web-visitor-7")
            .Send("I'd like to reschedule my booking")
            .AssertReply(RescheduleTexts.AskReference, "en")
            .Send("it's bmj 1001")
            .AssertReply(RescheduleTexts.AskIdentity, "en")
            .Send("Budi Santoso")
            .AssertReply("I found your Periodic service on Friday 4 December at 10:00 (booking BMJ-1001).")
            .StartTestAsync();

        var customer = await bot.QueryAsync(db => db.Conversations.Select(c => c.CustomerId).SingleAsync());
        Assert.Equal((await bot.AppointmentAsync("BMJ-1001")).CustomerId, customer);
    }

    [Fact]
    public async Task A_guest_can_prove_the_booking_with_the_phone_number_in_any_format()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, user: "web-visitor-8")
            .Send("mau ubah jadwal booking")
            .AssertReply(RescheduleTexts.AskReference, "id")
            .Send("BMJ-1001")
            .AssertReply(RescheduleTexts.AskIdentity, "id")
            .Send("0812-3456-7890")
            .AssertReplyContains("BMJ-1001")
            .StartTestAsync();
    }

    [Fact]
    public async Task Wrong_details_never_reveal_the_booking_and_end_with_a_person()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, user: "web-visitor-9")
            .Send("I need to reschedule")
            .AssertReply(RescheduleTexts.AskReference, "en")
            .Send("BMJ-1001")
            .AssertReply(RescheduleTexts.AskIdentity, "en")
            .Send("Sarah Tan")
            .AssertReply(RescheduleTexts.NotVerified, "en")
            .AssertReply(RescheduleTexts.AskReference, "en")
            .Send("BMJ-9999")
            .AssertReply(RescheduleTexts.AskIdentity, "en")
            .Send("Budi")
            .AssertReply(RescheduleTexts.NotVerified, "en")
            .AssertReply(RescheduleTexts.AskReference, "en")
            .Send("BMJ-1001")
            .AssertReply(RescheduleTexts.AskIdentity, "en")
            .Send("+6281298765432")
            .AssertReplyStartsWith(DialogTexts.HandoffAfterRetries, "en", ("business", Business))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("id", "nggak usah", "reschedule.keepIt")]
    [InlineData("en", "talk to a person", "handoff.customerAsked")]
    public async Task Too_close_to_the_start_the_bot_explains_and_offers_a_person(string language, string answer, string expected)
    {
        await using var bot = await BotHarness.StartAsync();
        // Tomorrow at 08:00 is 23 hours away; the policy's cutoff is 24 hours.
        await bot.BookAsync("T-CLOSE", "servis-ac", "bay-1", Dec(2, 8), phone: "+6281377778888", name: "Andi Wijaya");

        await new TestFlow(bot, user: "+6281377778888", locale: language)
            .Send(language == "id" ? "mau ganti jadwal" : "I want to reschedule")
            .AssertReply(RescheduleTexts.TooClose, language, ("service", language == "id" ? "Servis AC mobil" : "Car A/C service"),
                ("when", language == "id" ? "Rabu, 2 Desember pukul 08.00" : "Wednesday 2 December at 08:00"), ("hours", "24"))
            .AssertReply(RescheduleTexts.OfferPerson, language)
            .Send(answer)
            .AssertReply(reply => Assert.StartsWith(
                expected == "reschedule.keepIt"
                    ? bot.Locales.Get(language, RescheduleTexts.KeepIt, ("when", "Rabu, 2 Desember pukul 08.00"))
                    : bot.Locales.Get(language, DialogTexts.HandoffCustomerAsked, ("business", Business)),
                reply.Text,
                StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en", "can I reschedule?")]
    [InlineData("id", "bisa ganti jadwal?")]
    public async Task An_appointment_moved_as_often_as_allowed_is_refused_plainly(string language, string ask)
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.BookAsync("T-MANY", "servis-ac", "bay-1", Dec(9, 10), phone: "+6281377779999", name: "Maya", rescheduleCount: 2);

        await new TestFlow(bot, user: "+6281377779999", locale: language)
            .Send(ask)
            .AssertReply(RescheduleTexts.TooManyChanges, language, ("count", "2"))
            .AssertReply(RescheduleTexts.OfferPerson, language)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_service_whose_policy_requires_a_reason_does_not_accept_skip()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.BookAsync("T-TUNE", "tune-up", "bay-1", Dec(9, 10), phone: "+6281377770000", name: "Rudi");

        await new TestFlow(bot, user: "+6281377770000", locale: "id")
            .Send("mau reschedule")
            .AssertReplyContains("T-TUNE")
            .AssertReply(reply =>
            {
                Assert.Equal(bot.Locales.Get("id", RescheduleTexts.AskReasonRequired), reply.Text);
                Assert.Null(reply.SuggestedActions);
            })
            .Send("mobil dipakai keluar kota")
            .AssertReply(RescheduleTexts.AskWhen, "id")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_slot_taken_while_the_customer_chose_offers_fresh_times()
    {
        await using var bot = await BotHarness.StartAsync();
        IReadOnlyList<string> offered = [];

        await StartAsBudi(bot, "en")
            .Send("thursday at 9am")
            .AssertReplyContains("already taken")
            .AssertReply(reply => offered = [.. reply.SuggestedActions!.Actions.Select(a => a.Title!)])
            .Do(async () =>
            {
                // Someone books the first offered time on every bay that is free then, before Budi taps it.
                var start = ParseOffered(offered[0]);
                foreach (var bay in new[] { "bay-1", "bay-2" })
                {
                    try
                    {
                        await bot.BookAsync("T-" + bay, "servis-ac", bay, start);
                    }
                    catch (DbUpdateException)
                    {
                        // That bay was busy then already.
                    }
                }
            })
            .Send("1")
            .AssertReplyContains("someone has just taken")
            .AssertReply(reply => Assert.DoesNotContain(offered[0], reply.SuggestedActions!.Actions.Select(a => a.Title)))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_time_staff_book_before_the_customer_says_yes_is_never_confirmed_as_done()
    {
        await using var bot = await BotHarness.StartAsync();

        await StartAsBudi(bot, "en")
            .Send("monday at 10am")
            .AssertReplyContains("to Monday 7 December at 10:00?")
            .Do(async () =>
            {
                // Staff book the time at the front desk (past the bot's hold) while Budi reads the question.
                foreach (var bay in new[] { "bay-1", "bay-2" })
                {
                    try
                    {
                        await bot.BookAsync("T-" + bay, "servis-ac", bay, Dec(7, 10));
                    }
                    catch (DbUpdateException)
                    {
                    }
                }
            })
            .Send("yes")
            .AssertReply("Sorry, someone has just taken Monday 7 December at 10:00.")
            .AssertReply(reply =>
            {
                Assert.Equal(bot.Locales.Get("en", RescheduleTexts.Nearest), reply.Text);
                Assert.DoesNotContain(reply.SuggestedActions!.Actions, a => a.Title!.StartsWith("Mon 7 Dec, 10:00", StringComparison.Ordinal));
            })
            .StartTestAsync();

        var appointment = await bot.AppointmentAsync("BMJ-1001");
        Assert.Equal(Dec(4, 10).UtcDateTime, appointment.Start);
        Assert.Equal(0, appointment.RescheduleCount);
        Assert.Equal(0, await bot.QueryAsync(db => db.BusinessEvents.CountAsync()));
    }

    [Fact]
    public async Task The_dialog_survives_a_restart_before_the_confirmation()
    {
        await using var bot = await BotHarness.StartAsync();

        await StartAsBudi(bot, "en")
            .Send("monday at 10am")
            .AssertReplyContains("to Monday 7 December at 10:00?")
            .Restart()
            .Send("yes")
            .AssertReplyContains("Done!")
            .StartTestAsync();

        Assert.Equal(Dec(7, 10).UtcDateTime, (await bot.AppointmentAsync("BMJ-1001")).Start);
    }

    /// <summary>Budi asks to reschedule, skips the reason, and is asked when.</summary>
    private static TestFlow StartAsBudi(BotHarness bot, string language) =>
        new TestFlow(bot, user: Budi, locale: language)
            .Send(language == "id" ? "mau ganti jadwal" : "I'd like to reschedule please")
            .AssertReply(reply => Assert.Contains("BMJ-1001", reply.Text!, StringComparison.Ordinal))
            .AssertReply(RescheduleTexts.AskReason, language)
            .Send(language == "id" ? "lewati" : "skip")
            .AssertReply(RescheduleTexts.AskWhen, language);

    /// <summary>"Thu 3 Dec, 11:30" back to a time in December 2026.</summary>
    private static DateTimeOffset ParseOffered(string title)
    {
        var parts = title.Replace(",", "", StringComparison.Ordinal).Split(' ');
        var day = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var time = TimeOnly.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture);
        return Dec(day, time.Hour, time.Minute);
    }
}
