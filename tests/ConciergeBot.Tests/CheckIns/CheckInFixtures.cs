using ConciergeBot.CheckIns;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using ConciergeBot.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.CheckIns;

internal static class CheckInFixtures
{
    public const string Phone = "+6281377778888";

    /// <summary>Visit check-ins only: the demo workshop's own bookings would otherwise get reminders in these tests.</summary>
    public static Dictionary<string, string?> VisitsOnly(params (string Key, string Value)[] more) =>
        new[] { ("Reminders:Enabled", "false") }.Concat(more).ToDictionary(x => x.Item1, x => (string?)x.Item2);

    /// <summary>What the recurring Hangfire job runs, called straight away on the fake clock.</summary>
    public static Task<SweepResult> SweepAsync(this BotHarness bot) =>
        bot.Services.GetRequiredService<CheckInSweep>().RunAsync(CancellationToken.None);

    /// <summary>Moves the fake clock to <paramref name="instant"/> (never back).</summary>
    public static Task AtAsync(this BotHarness bot, DateTimeOffset instant) => bot.AdvanceAsync(instant - bot.Clock.GetUtcNow());

    /// <summary>Marks the appointment done now, as the admin API does.</summary>
    public static async Task CompleteAsync(this BotHarness bot, Guid appointmentId)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<ConciergeDb>>().CreateDbContextAsync();
        var appointment = await db.Appointments.SingleAsync(a => a.Id == appointmentId);
        appointment.Status = AppointmentStatus.Completed;
        appointment.UpdatedAt = bot.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }

    public static Task<CheckIn> CheckInAsync(this BotHarness bot, Guid appointmentId, CheckInKind kind = CheckInKind.Visit) =>
        bot.QueryAsync(db => db.CheckIns.AsNoTracking().SingleAsync(c => c.AppointmentId == appointmentId && c.Kind == kind));

    /// <summary>The customer says hello first (so there is a conversation to write to) and hears the greeting and the menu.</summary>
    public static Task HelloAsync(this BotHarness bot, string language, string conversation = "conversation-1", string user = Phone) =>
        new TestFlow(bot, conversation, user, language)
            .Send(language == "id" ? "halo" : "hello")
            .AssertReply(_ => { })
            .AssertReply(_ => { })
            .StartTestAsync();

    /// <summary>A visit on Tuesday 1 December at 10:00 by a customer who said hello first, completed at 11:00.</summary>
    public static async Task<Guid> CompletedVisitAsync(this BotHarness bot, string reference, string language = "id", string name = "Wati Suryani")
    {
        var visit = await bot.BookAsync(reference, "servis-ac", "bay-1", ScheduleFixtures.Dec(1, 10), phone: Phone, name: name);
        await bot.HelloAsync(language);
        await bot.AtAsync(ScheduleFixtures.Dec(1, 11));
        await bot.CompleteAsync(visit.Id);
        return visit.Id;
    }

    /// <summary>... and asked about at 14:00, three hours (the default delay) later.</summary>
    public static async Task<Guid> AskedVisitAsync(this BotHarness bot, string reference, string language = "id", string name = "Wati Suryani")
    {
        var visit = await bot.CompletedVisitAsync(reference, language, name);
        await bot.SweepAsync();
        await bot.AtAsync(ScheduleFixtures.Dec(1, 14));
        await bot.SweepAsync();
        return visit;
    }

    /// <summary>How many times the check-in's event reached the conversation's inbox.</summary>
    public static Task<int> StagedEventsAsync(this BotHarness bot, Guid checkInId) =>
        bot.QueryAsync(db => db.Inbox.CountAsync(i => i.ChannelMessageId == "check-in-" + Sql.Id(checkInId)));
}
