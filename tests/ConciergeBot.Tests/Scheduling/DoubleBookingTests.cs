using ConciergeBot.Scheduling;
using ConciergeBot.Scheduling.Availability;
using ConciergeBot.Scheduling.Booking;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConciergeBot.Tests.Scheduling.ScheduleFixtures;

namespace ConciergeBot.Tests.Scheduling;

/// <summary>
/// Many customers reach for one time at once: exactly one gets it. Known schedulers double-book
/// here (Cal.com #13397, Easy!Appointments #845); the checks run on the single writer and the
/// database's trigger refuses an overlap whoever writes.
/// </summary>
public sealed class DoubleBookingTests
{
    [Fact]
    public async Task Many_concurrent_reschedules_onto_one_slot_exactly_one_wins()
    {
        await using var bot = await BotHarness.StartAsync();
        var bay1 = await bot.ResourceIdAsync("bay-1");
        var movers = await OilChangesOnMondayAsync(bot, 16);
        var rescheduler = bot.Services.GetRequiredService<Rescheduler>();

        // Half ask for 10:00, half for 10:15: every attempt overlaps every other.
        var results = await Task.WhenAll(movers.Select((appointment, i) => Task.Run(() => rescheduler.RescheduleAsync(
            new RescheduleRequest(appointment, OilChangeAt(bay1, Dec(2, 10, i % 2 * 15)), null, $"conversation-{i}", $"key-{i}"), CancellationToken.None))));

        Assert.Single(results, r => r.Status == RescheduleStatus.Done);
        Assert.All(results.Where(r => r.Status != RescheduleStatus.Done), r => Assert.Equal(RescheduleStatus.SlotTaken, r.Status));
        var onWednesday = await bot.QueryAsync(db => db.Appointments.CountAsync(a => a.ResourceId == bay1 && a.Start >= Dec(2, 0).UtcDateTime && a.Start < Dec(3, 0).UtcDateTime));
        Assert.Equal(1, onWednesday);
    }

    [Fact]
    public async Task Two_instances_on_one_database_never_double_book()
    {
        await using var first = await BotHarness.StartAsync();
        await using var second = await BotHarness.StartAsync(sharedDatabase: first.DatabasePath);
        var bay1 = await first.ResourceIdAsync("bay-1");
        var movers = await OilChangesOnMondayAsync(first, 12);
        var instances = new[] { first.Services.GetRequiredService<Rescheduler>(), second.Services.GetRequiredService<Rescheduler>() };

        var results = await Task.WhenAll(movers.Select((appointment, i) => Task.Run(() => instances[i % 2].RescheduleAsync(
            new RescheduleRequest(appointment, OilChangeAt(bay1, Dec(2, 11, i % 3 * 10)), null, $"conversation-{i}", $"key-{i}"), CancellationToken.None))));

        Assert.Single(results, r => r.Status == RescheduleStatus.Done);
        var overlapping = await first.QueryAsync(db => db.Appointments.CountAsync(a => a.ResourceId == bay1 && a.Start >= Dec(2, 10, 30).UtcDateTime && a.Start < Dec(2, 12).UtcDateTime));
        Assert.Equal(1, overlapping);
    }

    [Fact]
    public async Task The_database_refuses_an_overlapping_booking_written_around_the_bot()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.BookAsync("T-1", "ganti-oli", "bay-1", Dec(2, 10));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => bot.BookAsync("T-2", "servis-ac", "bay-1", Dec(2, 9, 45)));

        Assert.Contains("double booking", error.InnerException?.Message, StringComparison.Ordinal);
        await bot.BookAsync("T-3", "servis-ac", "bay-2", Dec(2, 9, 45));
    }

    [Fact]
    public async Task A_long_job_blocks_its_resource_for_days_and_an_overlong_one_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.QueryAsync(async db =>
        {
            var business = await db.Businesses.SingleAsync();
            db.Services.Add(new Service { Id = Guid.NewGuid(), BusinessId = business.Id, Code = "overhaul", Names = new() { ["id"] = "Turun mesin" }, DurationMinutes = 3 * 24 * 60 });
            db.Services.Add(new Service { Id = Guid.NewGuid(), BusinessId = business.Id, Code = "restoration", Names = new() { ["id"] = "Restorasi" }, DurationMinutes = 8 * 24 * 60 });
            return await db.SaveChangesAsync();
        });
        await bot.BookAsync("T-LONG", "overhaul", "bay-1", Dec(14, 8));

        // Day three of the overhaul, found although the overhaul started days before.
        await Assert.ThrowsAsync<DbUpdateException>(() => bot.BookAsync("T-2", "ganti-oli", "bay-1", Dec(16, 10)));
        var tooLong = await Assert.ThrowsAsync<DbUpdateException>(() => bot.BookAsync("T-3", "restoration", "bay-2", Dec(14, 8)));
        Assert.Contains("too long", tooLong.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buffers_count_in_the_database_check()
    {
        await using var bot = await BotHarness.StartAsync();
        // A periodic service keeps 15 minutes free after it: 10:00–12:15 on bay 1.
        await bot.BookAsync("T-1", "servis-berkala", "bay-1", Dec(2, 8));

        await Assert.ThrowsAsync<DbUpdateException>(() => bot.BookAsync("T-2", "ganti-oli", "bay-1", Dec(2, 10, 0)));
        await bot.BookAsync("T-3", "ganti-oli", "bay-1", Dec(2, 10, 15));
    }

    [Fact]
    public async Task A_moved_appointment_may_overlap_its_own_old_time()
    {
        await using var bot = await BotHarness.StartAsync();
        var bay1 = await bot.ResourceIdAsync("bay-1");
        var appointment = await bot.BookAsync("T-1", "servis-ac", "bay-1", Dec(2, 14));
        var rescheduler = bot.Services.GetRequiredService<Rescheduler>();

        var result = await rescheduler.RescheduleAsync(
            new RescheduleRequest(appointment, new Slot(bay1, Dec(2, 14, 30), Dec(2, 15, 30)), "traffic", "conversation-1", "key-1"), CancellationToken.None);

        Assert.Equal(RescheduleStatus.Done, result.Status);
        var stored = await bot.AppointmentAsync("T-1");
        Assert.Equal(Dec(2, 14, 30).UtcDateTime, stored.Start);
        Assert.Equal(1, stored.RescheduleCount);
        var change = Assert.Single(stored.History, h => h.Kind == AppointmentChangeKind.Rescheduled);
        Assert.Equal(("traffic", Actors.Bot, Dec(2, 14).UtcDateTime), (change.Reason, change.Actor, change.FromStart!.Value));
    }

    [Fact]
    public async Task A_retried_turn_finds_its_reschedule_done_and_does_not_move_twice()
    {
        await using var bot = await BotHarness.StartAsync();
        var bay1 = await bot.ResourceIdAsync("bay-1");
        var appointment = await bot.BookAsync("T-1", "servis-ac", "bay-1", Dec(2, 14));
        var rescheduler = bot.Services.GetRequiredService<Rescheduler>();
        var request = new RescheduleRequest(appointment, new Slot(bay1, Dec(4, 14), Dec(4, 15)), null, "conversation-1", "conversation-1/message-7");

        var first = await rescheduler.RescheduleAsync(request, CancellationToken.None);
        var again = await rescheduler.RescheduleAsync(request, CancellationToken.None);

        Assert.Equal((RescheduleStatus.Done, RescheduleStatus.Done), (first.Status, again.Status));
        var stored = await bot.AppointmentAsync("T-1");
        Assert.Equal(1, stored.RescheduleCount);
        Assert.Single(stored.History, h => h.Kind == AppointmentChangeKind.Rescheduled);
        Assert.Equal(1, await bot.QueryAsync(db => db.BusinessEvents.CountAsync()));
    }

    [Fact]
    public async Task A_slot_held_by_another_conversation_cannot_be_taken_until_the_hold_expires()
    {
        await using var bot = await BotHarness.StartAsync();
        var bay1 = await bot.ResourceIdAsync("bay-1");
        var first = await bot.BookAsync("T-1", "servis-ac", "bay-1", Dec(7, 9));
        var second = await bot.BookAsync("T-2", "servis-ac", "bay-1", Dec(7, 13));
        var rescheduler = bot.Services.GetRequiredService<Rescheduler>();
        var slot = new Slot(bay1, Dec(3, 15), Dec(3, 16));

        Assert.True(await rescheduler.HoldAsync(first, slot, "conversation-1", CancellationToken.None));
        Assert.False(await rescheduler.HoldAsync(second, slot, "conversation-2", CancellationToken.None));
        var blocked = await rescheduler.RescheduleAsync(new RescheduleRequest(second, slot, null, "conversation-2", "k2"), CancellationToken.None);
        Assert.Equal(RescheduleStatus.SlotTaken, blocked.Status);

        bot.Clock.Advance(TimeSpan.FromMinutes(6));
        var afterExpiry = await rescheduler.RescheduleAsync(new RescheduleRequest(second, slot, null, "conversation-2", "k3"), CancellationToken.None);
        Assert.Equal(RescheduleStatus.Done, afterExpiry.Status);
    }

    private static Slot OilChangeAt(Guid resource, DateTimeOffset start) => new(resource, start, start.AddMinutes(30));

    /// <summary>Oil changes on Monday 7 December, every 30 minutes on bays 1 and 2: each customer wants to move theirs.</summary>
    private static async Task<List<AppointmentView>> OilChangesOnMondayAsync(BotHarness bot, int count)
    {
        var appointments = new List<AppointmentView>();
        for (var i = 0; i < count; i++)
        {
            var start = Dec(7, 8).AddMinutes(30 * (i / 2));
            appointments.Add(await bot.BookAsync($"T-{i}", "ganti-oli", i % 2 == 0 ? "bay-1" : "bay-2", start));
        }

        return appointments;
    }
}
