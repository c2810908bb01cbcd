using ConciergeBot.Pipeline;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>The Telegram channel, when a bot token is configured: its adapter, the update path and, in polling mode, the poller.</summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelegramOptions.Section);
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.AddOptions<TelegramOptions>().Bind(section).ValidateOnStart();
        var options = section.Get<TelegramOptions>() ?? new TelegramOptions();
        if (!options.Enabled)
        {
            return services;
        }

        // The Bot API puts the token in every URL, which the default request logging would write out.
        services.AddHttpClient(TelegramClientFactory.HttpClientName).RemoveAllLoggers();
        services.AddSingleton(TelegramClientFactory.Create);
        services.AddSingleton<TelegramFiles>();
        services.AddSingleton<TelegramUpdates>();
        services.AddSingleton<TelegramWebhook>();
        services.AddSingleton<IChannelAdapter, TelegramAdapter>();
        if (options.Mode == TelegramMode.Polling)
        {
            services.AddHostedService<TelegramPolling>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            app.MapPost(options.WebhookPath, (HttpContext http, TelegramWebhook webhook, CancellationToken ct) => webhook.HandleAsync(http, ct))
                .WithName("TelegramWebhook").ExcludeFromDescription();
        }

        app.MapGet(TelegramChannel.FilesRoute + "/{file}", TelegramFiles.Download).ExcludeFromDescription();
        return app;
    }
}
