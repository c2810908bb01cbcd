using System.Threading.RateLimiting;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    public const string TokenRateLimit = "directline-page-token";

    /// <summary>The Direct Line channel: tokens, the transcript its clients read, its adapter, CORS and the page's token limit.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineSignals>();
        services.AddSingleton<DirectLineTranscript>();
        services.AddSingleton<IChannelAdapter, DirectLineAdapter>();

        var origins = configuration.GetSection($"{DirectLineOptions.Section}:{nameof(DirectLineOptions.AllowedOrigins)}").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
            .WithOrigins(origins)
            .WithHeaders("Authorization", "x-ms-bot-agent", "Content-Type")
            .WithMethods("GET", "POST")));
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.AddPolicy(TokenRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = configuration.GetValue($"{DirectLineOptions.Section}:{nameof(DirectLineOptions.TokensPerMinutePerClient)}", 30),
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        return services;
    }
}
