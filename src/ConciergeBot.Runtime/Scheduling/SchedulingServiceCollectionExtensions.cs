using ConciergeBot.Scheduling.Availability;
using ConciergeBot.Scheduling.Booking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The business's calendar: slot search, appointment lookup, holds and reschedules.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>()
            .Bind(configuration.GetSection(SchedulingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new SlotFinder(sp.GetRequiredService<IOptions<SchedulingOptions>>().Value));
        services.AddSingleton<ScheduleCalendarCache>();
        services.AddSingleton<ScheduleSource>();
        services.AddSingleton<AppointmentLookup>();
        services.AddSingleton<MoveSearch>();
        services.AddSingleton<Rescheduler>();
        services.AddSingleton<RevisitBooker>();
        return services;
    }
}
