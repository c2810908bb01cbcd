using ConciergeBot.CheckIns;
using Hangfire;

namespace ConciergeBot.CheckIns;

/// <summary>
/// Hangfire only says "now": a recurring job runs the check-in sweep every minute. Its storage is in
/// memory on purpose; losing it on a restart loses nothing, because the rows in our database are the
/// truth and the next sweep finds whatever is due. The dashboard is at <c>/hangfire</c>, for the admin key only.
/// </summary>
public static class CheckInJobs
{
    public const string SweepJobId = "check-in-sweep";
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddCheckInJobs(this IServiceCollection services)
    {
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage());
        // One worker is plenty: the only job is the sweep, and it is safe to overlap anyway.
        services.AddHangfireServer(options => options.WorkerCount = 1);
        services.AddTransient<CheckInSweepJob>();
        return services;
    }

    public static WebApplication MapCheckInJobs(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            AsyncAuthorization = [new AdminDashboardAuthorization()],
            DisplayStorageConnectionString = false,
        });
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<CheckInSweepJob>(SweepJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return app;
    }
}

/// <summary>The recurring job: takes no arguments and is safe to run twice, as Hangfire jobs should be.</summary>
public sealed class CheckInSweepJob(CheckInSweep sweep)
{
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
