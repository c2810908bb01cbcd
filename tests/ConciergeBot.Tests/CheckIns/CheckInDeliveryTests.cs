using ConciergeBot.CheckIns;
using ConciergeBot.Dialogs.CheckIn;
using ConciergeBot.Pipeline;
using ConciergeBot.Tests.Harness;
using ConciergeBot.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using static ConciergeBot.Tests.Scheduling.ScheduleFixtures;

namespace ConciergeBot.Tests.CheckIns;

/// <summary>Who gets asked, and only once: opt-out, the frequency cap, restarts, two instances, a channel that refuses.</summary>
public sealed class CheckInDeliveryTests
{
    [Theory]
    [InlineData("en", "STOP", "START")]
    [InlineData("id", "berhenti", "mulai")]
    public async Task A_customer_who_opted_out_gets_no_check_in_and_can_opt_back_in(string language, string stop, string start)
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly());
        var visit = await bot.CompletedVisitAsync("CI-STOP", language);
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: language)
            .Send(stop)
            .AssertReply(CheckInTexts.OptedOut, language)
            .StartTestAsync();
        Assert.NotNull(await bot.QueryAsync(db => db.Customers.Where(c => c.DisplayName == "Wati Suryani").Select(c => c.OptedOutAt).SingleAsync()));

        await bot.SweepAsync();
        await bot.AtAsync(Dec(1, 14, 30));
        Assert.Equal(1, (await bot.SweepAsync()).Skipped);
        var skipped = await bot.CheckInAsync(visit);
        Assert.Equal(CheckInStatus.Skipped, skipped.Status);
        Assert.Contains("opted out", skipped.Reason, StringComparison.Ordinal);
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: language)
            .AssertNoReply()
            .Send(start)
            .AssertReply(CheckInTexts.OptedIn, language)
            .StartTestAsync();
        Assert.Null(await bot.QueryAsync(db => db.Customers.Where(c => c.DisplayName == "Wati Suryani").Select(c => c.OptedOutAt).SingleAsync()));
    }

    [Fact]
    public async Task A_planned_check_in_survives_a_restart_that_loses_the_job_storage_and_is_asked_exactly_once()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly());
        var visit = await bot.CompletedVisitAsync("CI-RESTART");
        await bot.SweepAsync();

        // Hangfire keeps its storage in memory: a restart forgets every job; the row is what counts.
        await bot.RestartAsync();
        await bot.AtAsync(Dec(1, 14));
        Assert.Equal(1, (await bot.SweepAsync()).Started);
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id").AssertReply(CheckInTexts.AskVisit, "id", ("name", "Wati"), ("service", "Servis AC mobil"), ("day", "hari ini")).StartTestAsync();

        await bot.RestartAsync();
        await bot.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await bot.SweepAsync()).Started);
        await new TestFlow(bot, user: CheckInFixtures.Phone, locale: "id").AssertNoReply().StartTestAsync();
        var row = await bot.CheckInAsync(visit);
        Assert.Equal(1, await bot.StagedEventsAsync(row.Id));
        Assert.Equal((CheckInStatus.Sent, 1), (row.Status, row.Attempts));
    }

    [Fact]
    public async Task Two_instances_sweeping_at_once_start_a_check_in_once()
    {
        await using var a = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly(("Pipeline:InstanceId", "a")));
        await using var b = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly(("Pipeline:InstanceId", "b")), sharedDatabase: a.DatabasePath);
        var visit = await a.CompletedVisitAsync("CI-TWICE");
        await Task.WhenAll(a.SweepAsync(), b.SweepAsync());
        Assert.Equal(1, await a.QueryAsync(db => db.CheckIns.CountAsync(c => c.AppointmentId == visit)));

        await a.AtAsync(Dec(1, 14));
        await b.AtAsync(Dec(1, 14));
        var results = await Task.WhenAll(a.SweepAsync(), b.SweepAsync());
        Assert.Equal(1, results.Sum(r => r.Started));
        Assert.Equal(1, await a.StagedEventsAsync((await a.CheckInAsync(visit)).Id));
        await a.EventuallyAsync(db => db.Outbox.AnyAsync(o => o.ActivityJson.Contains("\"checkIn\"")));
        await Task.Delay(300);
        Assert.Equal(1, await a.QueryAsync(db => db.Outbox.CountAsync(o => o.ActivityJson.Contains("\"checkIn\""))));
    }

    [Fact]
    public async Task A_question_the_channel_refuses_is_marked_failed_never_sent()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly());
        var visit = await bot.CompletedVisitAsync("CI-REFUSED");
        await bot.SweepAsync();
        bot.Channel.Fault = outbound => outbound.Activity.ChannelData?["checkIn"] is not null
            ? DeliveryResult.Failed("63016: outside the 24-hour window, a template is needed")
            : null;
        await bot.AtAsync(Dec(1, 14));
        await bot.SweepAsync();
        await bot.EventuallyAsync(db => db.Outbox.AnyAsync(o => o.Status == Storage.OutboxStatus.Failed));

        Assert.Equal(1, (await bot.SweepAsync()).Failed);
        var failed = await bot.CheckInAsync(visit);
        Assert.Equal(CheckInStatus.Failed, failed.Status);
        Assert.Contains("63016", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_frequency_cap_skips_a_second_check_in_within_the_week()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly());
        var first = await bot.CompletedVisitAsync("CI-CAP-1");
        var second = await bot.BookAsync("CI-CAP-2", "ganti-oli", "bay-2", Dec(1, 11), phone: CheckInFixtures.Phone);
        await bot.CompleteAsync(second.Id);
        await bot.SweepAsync();
        await bot.AtAsync(Dec(1, 15));
        await bot.SweepAsync();

        Assert.Equal(CheckInStatus.Started, (await bot.CheckInAsync(first)).Status);
        var capped = await bot.CheckInAsync(second.Id);
        Assert.Equal(CheckInStatus.Skipped, capped.Status);
        Assert.StartsWith("Frequency cap", capped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_who_never_wrote_to_us_is_marked_undeliverable_with_the_reason()
    {
        await using var bot = await BotHarness.StartAsync(settings: CheckInFixtures.VisitsOnly());
        var visit = await bot.BookAsync("CI-SILENT", "servis-ac", "bay-1", Dec(1, 10), name: "Nobody Wrote");
        await bot.AtAsync(Dec(1, 11));
        await bot.CompleteAsync(visit.Id);
        await bot.SweepAsync();
        await bot.AtAsync(Dec(1, 14));

        Assert.Equal(1, (await bot.SweepAsync()).Undeliverable);
        var row = await bot.CheckInAsync(visit.Id);
        Assert.Equal(CheckInStatus.Undeliverable, row.Status);
        Assert.Contains("never written", row.Reason, StringComparison.Ordinal);
    }
}
