using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>The handoff queue, the desk agents work it with, and the customers' position updates.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HandoffOptions>()
            .Bind(configuration.GetSection(HandoffOptions.Section))
            .ValidateDataAnnotations()
            .Validate(Valid, "Handoff: staffed hours and shifts are ranges like \"08:00-12:00, 13:00-17:00\".")
            .ValidateOnStart();
        services.AddSingleton<HandoffSignals>();
        services.AddSingleton<HandoffQueue>();
        services.AddSingleton<HandoffDesk>();
        services.AddSingleton<QueuePositionNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<QueuePositionNotifier>());
        services.AddHostedService<HandoffTurnWatcher>();
        return services;
    }

    private static bool Valid(HandoffOptions options)
    {
        try
        {
            foreach (var ranges in options.StaffedHours.Values.Concat(options.Shifts.Values.SelectMany(s => s.Values)))
            {
                StaffedHours.Parse(ranges);
            }

            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
