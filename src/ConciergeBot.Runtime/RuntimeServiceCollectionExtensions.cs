using ConciergeBot.CheckIns;
using ConciergeBot.Conversations;
using ConciergeBot.Events;
using ConciergeBot.Handoff;
using ConciergeBot.Language;
using ConciergeBot.Language.Intents;
using ConciergeBot.Language.Nlu;
using ConciergeBot.Language.Time;
using ConciergeBot.Language.Time.English;
using ConciergeBot.Language.Time.Indonesian;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using ConciergeBot.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConciergeBot;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>The conversation runtime: storage, the durable turn pipeline and the wording.</summary>
    public static IServiceCollection AddConciergeRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PipelineOptions>()
            .Bind(configuration.GetSection(PipelineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddConciergeStorage(configuration);

        var locales = configuration["Concierge:LocalesPath"] is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "locales");
        services.AddSingleton(_ => LocaleCatalog.Load(locales));
        services.AddSingleton<ITimeRecognizer, EnglishTimeRecognizer>();
        services.AddSingleton<ITimeRecognizer, IndonesianTimeRecognizer>();
        services.AddSingleton<TimeRecognition>();
        var nlu = configuration["Concierge:NluPath"] is { Length: > 0 } nluPath ? nluPath : Path.Combine(AppContext.BaseDirectory, "nlu");
        services.AddSingleton(new IntentModel(nlu));
        services.AddSingleton<NluParser>();
        services.AddSingleton<NluRequests>();

        services.AddScheduling(configuration);
        services.AddSingleton<BusinessDirectory>();
        services.AddSingleton<PipelineEvents>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<TurnIngress>();
        services.AddSingleton<TranscriptReader>();
        services.AddSingleton<ConversationScheduler>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<InboxRecovery>();

        // Hosted services start in this order and stop in reverse: the database is ready before any turn runs.
        services.AddHostedService<ConciergeStartup>();
        services.AddHostedService<LanguageWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<InboxRecovery>());
        services.AddBusinessEvents(configuration);
        services.AddHandoff(configuration);
        services.AddOptions<TicketOptions>().Bind(configuration.GetSection(TicketOptions.Section));
        services.AddSingleton<TicketDesk>();
        services.AddCheckIns(configuration);
        return services;
    }
}
