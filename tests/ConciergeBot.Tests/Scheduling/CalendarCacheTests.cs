using ConciergeBot.Scheduling;
using ConciergeBot.Scheduling.Availability;
using ConciergeBot.Scheduling.Booking;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConciergeBot.Tests.Scheduling.ScheduleFixtures;

namespace ConciergeBot.Tests.Scheduling;

/// <summary>
/// The calendar kept between searches is never used once the calendar tables changed, whoever changed
/// them: another instance on the same database, or a bare connection that knows nothing of the bot.
/// </summary>
public sealed class CalendarCacheTests
{
    [Fact]
    public async Task A_day_closed_by_another_instance_is_refused_by_the_writer_and_the_next_search()
    {
        await using var bot = await BotHarness.StartAsync();
        await using var other = await BotHarness.StartAsync(sharedDatabase: bot.DatabasePath);
        var appointment = await bot.BookAsync("T-1", "servis-ac", "bay-1", Dec(7, 9));
        var search = bot.Services.GetRequiredService<MoveSearch>();
        var free = (await search.AtOrNearestAsync(appointment, Dec(3, 15), "conversation-1", 3, CancellationToken.None)).Free;
        Assert.NotNull(free);

        await other.QueryAsync(async db =>
        {
            var business = await db.Businesses.SingleAsync();
            db.ScheduleOverrides.Add(new ScheduleOverride { BusinessId = business.Id, Date = new DateOnly(2026, 12, 3), Reason = "Stock taking" });
            return await db.SaveChangesAsync();
        });

        // The writer first: the search above left the open day in the calendar it keeps.
        Assert.False(await bot.Services.GetRequiredService<Rescheduler>().HoldAsync(appointment, free, "conversation-1", CancellationToken.None));
        var moved = await bot.Services.GetRequiredService<Rescheduler>().RescheduleAsync(
            new RescheduleRequest(appointment, free, null, "conversation-1", "key-1"), CancellationToken.None);
        Assert.Equal(RescheduleStatus.SlotTaken, moved.Status);
        var answer = await search.AtOrNearestAsync(appointment, Dec(3, 15), "conversation-1", 3, CancellationToken.None);
        Assert.Equal((null, UnavailableReason.Closed), (answer.Free, answer.Why));
    }

    [Fact]
    public async Task Hours_and_resources_changed_on_a_bare_connection_are_seen_by_the_next_search()
    {
        await using var bot = await BotHarness.StartAsync();
        var appointment = await bot.BookAsync("T-1", "servis-ac", "bay-1", Dec(7, 9));
        var bay1 = await bot.ResourceIdAsync("bay-1");
        var search = bot.Services.GetRequiredService<MoveSearch>();
        Assert.Equal(bay1, (await search.AtOrNearestAsync(appointment, Dec(3, 15), "conversation-1", 3, CancellationToken.None)).Free?.ResourceId);

        // Bay 1 stops working on Thursdays: the same time is found on another bay.
        await ExecuteAsync(bot, """DELETE FROM "WeeklyHours" WHERE "ResourceId" = @bay AND "Day" = 4""", bay1);
        var thursday = (await search.AtOrNearestAsync(appointment, Dec(3, 15), "conversation-1", 3, CancellationToken.None)).Free;
        Assert.NotNull(thursday);
        Assert.NotEqual(bay1, thursday.ResourceId);

        // Retired, bay 1 has no time at all, even on a day it still has hours.
        await ExecuteAsync(bot, """UPDATE "Resources" SET "Active" = 0 WHERE "Id" = @bay""", bay1);
        var friday = (await search.AtOrNearestAsync(appointment, Dec(4, 15), "conversation-1", 3, CancellationToken.None)).Free;
        Assert.NotNull(friday);
        Assert.NotEqual(bay1, friday.ResourceId);
    }

    [Fact]
    public async Task A_move_answers_with_the_appointment_as_it_is_stored()
    {
        await using var bot = await BotHarness.StartAsync();
        var bay2 = await bot.ResourceIdAsync("bay-2");
        var appointment = await bot.BookAsync("T-1", "servis-ac", "bay-1", Dec(2, 14));

        var result = await bot.Services.GetRequiredService<Rescheduler>().RescheduleAsync(
            new RescheduleRequest(appointment, new Slot(bay2, Dec(4, 15), Dec(4, 16)), "traffic", "conversation-1", "key-1"), CancellationToken.None);

        var stored = (await bot.Services.GetRequiredService<AppointmentLookup>().GetAsync(appointment.Id, CancellationToken.None))!;
        var moved = result.Appointment!;
        Assert.Equal(stored with { ServiceNames = moved.ServiceNames }, moved);
        Assert.Equal(stored.ServiceNames, moved.ServiceNames);
        Assert.Equal((bay2, Dec(4, 15), 1), (moved.ResourceId, moved.Start, moved.RescheduleCount));
        var change = Assert.Single((await bot.AppointmentAsync("T-1")).History, h => h.Kind == AppointmentChangeKind.Rescheduled);
        Assert.Equal((Dec(2, 14).UtcDateTime, Dec(4, 15).UtcDateTime, "conversation-1", "key-1"), (change.FromStart!.Value, change.ToStart!.Value, change.ConversationId, change.IdempotencyKey));
        var payload = await bot.QueryAsync(db => db.BusinessEvents.Select(e => e.PayloadJson).SingleAsync());
        Assert.Contains("\"bay-2\"", payload, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(BotHarness bot, string sql, Guid resource)
    {
        await using var connection = new SqliteConnection($"Data Source={bot.DatabasePath}");
        await connection.OpenAsync();
        await using var command = Sql.Command(connection, null, sql, ("@bay", resource));
        Assert.True(await command.ExecuteNonQueryAsync() > 0, sql);
    }
}
