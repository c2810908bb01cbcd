using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.CheckIns;

public static class CheckInsServiceCollectionExtensions
{
    /// <summary>Check-ins after visits and handoffs, and reminders before appointments: planning, starting, the sweep.</summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckInOptions>()
            .Bind(configuration.GetSection(CheckInOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ReminderOptions>()
            .Bind(configuration.GetSection(ReminderOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<CheckInPlanner>();
        services.AddSingleton<CheckInStarter>();
        services.AddSingleton<CheckInSweep>();
        return services;
    }
}
