using ConciergeBot.Events;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Events;

/// <summary>What the scheduling code does when it changes an appointment, and the dispatcher's view of the clock.</summary>
public static class EventTestBot
{
    public const string Secret = "test-secret-0123456789abcdef";

    public static Dictionary<string, string?> Webhooks(WebhookReceiver receiver, string instance = "a", int maxAttempts = 10) => new()
    {
        ["Webhooks:Url"] = receiver.Url,
        ["Webhooks:Secret"] = Secret,
        ["Webhooks:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pipeline:InstanceId"] = instance,
    };

    public static AppointmentRescheduled Rescheduled(string reference)
    {
        var jakarta = TimeSpan.FromHours(7);
        return new AppointmentRescheduled(
            reference,
            Guid.Parse("6f1c2a9e-4b7d-4e0a-9c3f-2d8e5b1a7c40"),
            Guid.Parse("0b8d7e6f-1a2b-4c3d-8e9f-a0b1c2d3e4f5"),
            "tune-up",
            "bay-1",
            new DateTimeOffset(2026, 12, 3, 10, 0, 0, jakarta),
            new DateTimeOffset(2026, 12, 3, 11, 0, 0, jakarta),
            new DateTimeOffset(2026, 12, 4, 14, 0, 0, jakarta),
            new DateTimeOffset(2026, 12, 4, 15, 0, 0, jakarta),
            "Ada acara keluarga",
            "bot",
            "test:c1");
    }

    /// <summary>Commits a reschedule event now and wakes the dispatcher, as the scheduling code will.</summary>
    public static async Task<BusinessEvent> AddEventAsync(this BotHarness bot, string reference, bool wake = true)
    {
        var added = BusinessEvents.Create(BusinessEventTypes.AppointmentRescheduled, Rescheduled(reference), bot.Clock.GetUtcNow());
        await using (var db = await bot.Services.GetRequiredService<IDbContextFactory<ConciergeDb>>().CreateDbContextAsync())
        {
            db.BusinessEvents.Add(added);
            await db.SaveChangesAsync();
        }

        if (wake)
        {
            bot.Dispatcher().Wake();
        }

        return added;
    }

    public static BusinessEventDispatcher Dispatcher(this BotHarness bot) => bot.Services.GetRequiredService<BusinessEventDispatcher>();

    /// <summary>Moves the fake clock on and lets the dispatcher look at once, as its poll would.</summary>
    public static async Task AdvanceEventsAsync(this BotHarness bot, TimeSpan time)
    {
        await bot.AdvanceAsync(time);
        bot.Dispatcher().Wake();
    }

    public static Task<BusinessEvent> EventAsync(this BotHarness bot, Guid eventId) =>
        bot.QueryAsync(db => db.BusinessEvents.AsNoTracking().SingleAsync(e => e.EventId == eventId));

    public static Task EventuallyEventAsync(this BotHarness bot, Guid eventId, Func<BusinessEvent, bool> condition) =>
        bot.EventuallyAsync(async db => condition(await db.BusinessEvents.AsNoTracking().SingleAsync(e => e.EventId == eventId)));

    /// <summary>Waits until the receiver has <paramref name="count"/> requests.</summary>
    public static async Task EventuallyReceivedAsync(this WebhookReceiver receiver, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (receiver.Received.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The receiver got {receiver.Received.Count} of {count} requests in time.");
            await Task.Delay(20);
        }
    }
}
