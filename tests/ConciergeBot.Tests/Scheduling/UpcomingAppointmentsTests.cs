using System.Text.Json;
using ConciergeBot.Scheduling;
using ConciergeBot.Scheduling.Booking;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConciergeBot.Tests.Scheduling.ScheduleFixtures;

namespace ConciergeBot.Tests.Scheduling;

/// <summary>The customer's upcoming appointments, read in plain SQL, are what the EF Core query of the same filter reads.</summary>
public sealed class UpcomingAppointmentsTests
{
    private const string Phone = "+6281300001111";

    [Fact]
    public async Task Upcoming_appointments_are_the_booked_ones_not_yet_started_soonest_first_as_ef_core_reads_them()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.BookAsync("T-LATER", "tune-up", "bay-2", Dec(9, 10), phone: Phone, name: "Rina", rescheduleCount: 1);
        var first = await bot.BookAsync("T-SOON", "servis-ac", "bay-1", Dec(3, 13, 30), phone: Phone);
        await bot.BookAsync("T-STARTED", "ganti-oli", "bay-spooring", Dec(1, 8, 30), phone: Phone);
        await bot.BookAsync("T-CANCELLED", "spooring", "bay-spooring", Dec(4, 9), phone: Phone);
        await bot.BookAsync("T-OTHER", "servis-ac", "bay-1", Dec(5, 9));
        await bot.QueryAsync(db => db.Appointments.Where(a => a.Reference == "T-CANCELLED")
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, AppointmentStatus.Cancelled)));

        var upcoming = await bot.Services.GetRequiredService<AppointmentLookup>().UpcomingAsync(first.CustomerId, CancellationToken.None);

        var now = bot.Clock.GetUtcNow().UtcDateTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var expected = await bot.QueryAsync(async db => (await AppointmentViews.Rows(db, a => a.CustomerId == first.CustomerId && a.Status == AppointmentStatus.Booked && a.Start > now)
            .Take(10).ToListAsync()).Select(r => r.ToView(zone)).ToList());
        Assert.Equal(["T-SOON", "T-LATER"], upcoming.Select(a => a.Reference));
        Assert.Equal(expected.Select(Describe), upcoming.Select(Describe));
    }

    private static string Describe(AppointmentView view) => JsonSerializer.Serialize(view);
}
