using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>Posting business events to the business's webhook. Register after the database's startup, which it reads.</summary>
    public static IServiceCollection AddBusinessEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddHttpClient(WebhookSender.HttpClientName, client =>
            {
                client.Timeout = WebhookSender.RequestTimeout;
                // An answer is read only for its status and a short excerpt; a huge one is a misbehaving receiver.
                client.MaxResponseContentBufferSize = 1024 * 1024;
                client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ConciergeBot-Webhooks", "1"));
            })
            // A redirected POST turns into a GET without the body (301, 302): the address must be the final one.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.AddSingleton<BusinessEventDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<BusinessEventDispatcher>());
        return services;
    }
}
