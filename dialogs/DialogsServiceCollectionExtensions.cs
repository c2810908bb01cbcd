using ConciergeBot.Dialogs.CheckIn;
using ConciergeBot.Dialogs.Handoff;
using ConciergeBot.Dialogs.ProblemReport;
using ConciergeBot.Dialogs.Reschedule;
using ConciergeBot.Dialogs.Root;
using ConciergeBot.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>The conversation design: the dialog trees and the bot that runs them.</summary>
    public static IServiceCollection AddConciergeDialogs(this IServiceCollection services)
    {
        services.AddSingleton<HandoffDialog>();
        services.AddSingleton<RescheduleDialog>();
        services.AddSingleton<RevisitDialog>();
        services.AddSingleton<ProblemReportDialog>();
        services.AddSingleton<ProblemFollowUpDialog>();
        services.AddSingleton<CheckInDialog>();
        services.AddSingleton<ReminderDialog>();
        services.AddSingleton<RootDialog>();
        services.AddSingleton(sp => new DialogSet().Add(sp.GetRequiredService<RootDialog>()));
        services.AddSingleton(sp => new DialogBot(
            sp.GetRequiredService<DialogSet>(),
            RootDialog.DialogId,
            sp.GetRequiredService<IOptions<PipelineOptions>>(),
            sp.GetRequiredService<ILogger<DialogBot>>()));
        services.AddSingleton<ITurnHandler>(sp => sp.GetRequiredService<DialogBot>());
        return services;
    }
}
