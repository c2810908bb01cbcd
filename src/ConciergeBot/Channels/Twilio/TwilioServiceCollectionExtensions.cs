using ConciergeBot.Pipeline;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.Twilio;

public static class TwilioServiceCollectionExtensions
{
    /// <summary>SMS and WhatsApp through Twilio, when <c>Twilio:AccountSid</c> is set; otherwise nothing is registered but the options.</summary>
    public static IServiceCollection AddTwilio(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>()
            .Bind(configuration.GetSection(TwilioOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.AuthToken), "Twilio:AuthToken is needed to check Twilio's signatures.")
            .Validate(o => !o.Enabled || o.WebhookPath.StartsWith('/') && o.StatusPath.StartsWith('/'), "Twilio:WebhookPath and StatusPath start with '/'.")
            .ValidateOnStart();
        if (!configuration.GetSection(TwilioOptions.Section).Get<TwilioOptions>()?.Enabled ?? true)
        {
            return services;
        }

        // Well under the outbox's delivery claim, so a hung call is retried, never sent twice by two instances.
        services.AddHttpClient(TwilioApi.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<TwilioApi>();
        services.TryAddSingleton<ChannelFileStore>();
        services.TryAddSingleton<WhatsAppWindow>();
        services.AddSingleton<TwilioInbound>();
        services.TryAddSingleton<DeliveryReports>();
        foreach (var channel in TwilioChannels.All)
        {
            services.AddSingleton<IChannelAdapter>(sp => new TwilioAdapter(
                channel, sp.GetRequiredService<TwilioApi>(), sp.GetRequiredService<WhatsAppWindow>(), sp.GetRequiredService<IOptions<TwilioOptions>>(), sp.GetRequiredService<ILogger<TwilioAdapter>>()));
        }

        return services;
    }
}
