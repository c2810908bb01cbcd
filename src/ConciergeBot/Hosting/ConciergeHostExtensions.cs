using ConciergeBot.Admin;
using ConciergeBot.Demo;
using ConciergeBot.Dialogs;
using ConciergeBot.Health;
using ConciergeBot.Storage;

namespace ConciergeBot.Hosting;

public static class ConciergeHostExtensions
{
    /// <summary>Everything the bot needs, for the web host and the terminal chat alike.</summary>
    public static IHostApplicationBuilder AddConcierge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddConciergeRuntime(builder.Configuration);
        builder.Services.AddConciergeDialogs();
        builder.Services.AddOptions<BusinessOptions>()
            .Bind(builder.Configuration.GetSection(BusinessOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IDatabaseSeeder, DemoBusinessSeeder>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddAdminAuthentication();
        return builder;
    }
}
