using ConciergeBot.Pipeline;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConciergeBot.Channels.WhatsAppCloud;

public static class WhatsAppCloudServiceCollectionExtensions
{
    /// <summary>WhatsApp through Meta's Cloud API, when <c>WhatsAppCloud:PhoneNumberId</c> and <c>AccessToken</c> are set; otherwise nothing is registered but the options.</summary>
    public static IServiceCollection AddWhatsAppCloud(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WhatsAppCloudOptions>()
            .Bind(configuration.GetSection(WhatsAppCloudOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.HalfConfigured, "WhatsAppCloud:PhoneNumberId and AccessToken are set together, or neither (the channel is then off).")
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.AppSecret), "WhatsAppCloud:AppSecret is needed to check Meta's signatures.")
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.VerifyToken), "WhatsAppCloud:VerifyToken is needed for Meta to verify the webhook.")
            .Validate(o => !o.Enabled || o.WebhookPath.StartsWith('/'), "WhatsAppCloud:WebhookPath starts with '/'.")
            .Validate(o => o.Templates.Values.All(t => !string.IsNullOrWhiteSpace(t.Name) && !string.IsNullOrWhiteSpace(t.Language)), "Every WhatsAppCloud:Templates entry has a Name and a Language.")
            .ValidateOnStart();
        if (!configuration.GetSection(WhatsAppCloudOptions.Section).Get<WhatsAppCloudOptions>()?.Enabled ?? true)
        {
            return services;
        }

        // Well under the outbox's delivery claim, so a hung call is retried, never sent twice by two instances.
        services.AddHttpClient(WhatsAppCloudApi.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<WhatsAppCloudApi>();
        services.TryAddSingleton<ChannelFileStore>();
        services.TryAddSingleton<WhatsAppWindow>();
        services.TryAddSingleton<DeliveryReports>();
        services.AddSingleton<WhatsAppCloudInbound>();
        services.AddSingleton<IChannelAdapter, WhatsAppCloudAdapter>();
        return services;
    }
}
