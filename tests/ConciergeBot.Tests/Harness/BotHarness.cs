using ConciergeBot.Activities;
using ConciergeBot.Hosting;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ConciergeBot.Tests.Harness;

/// <summary>
/// The whole bot in memory (the real pipeline, dialogs and storage) on a temporary SQLite file and a
/// fake clock. <see cref="RestartAsync"/> throws the process away and starts a new one on the same
/// database, as a crash or deploy would.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Action<IServiceCollection>? _configure;
    private readonly Dictionary<string, string?> _settings;
    private IHost? _host;

    private readonly string? _sharedDatabase;

    private BotHarness(Action<IServiceCollection>? configure, Dictionary<string, string?> settings, string? sharedDatabase)
    {
        _configure = configure;
        _settings = settings;
        _sharedDatabase = sharedDatabase;
    }

    /// <summary>Tuesday 1 December 2026, 09:00 in Jakarta.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7));

    public FakeTimeProvider Clock { get; } = new(DefaultStart);

    public TestChannelAdapter Channel { get; } = new();

    /// <summary>Warnings and errors the bot logged, across restarts.</summary>
    public MemoryLoggerProvider Logs { get; } = new();

    public string DatabasePath => _sharedDatabase ?? _folder.File("concierge.db");

    public IServiceProvider Services => (_host ?? throw new InvalidOperationException("Not started.")).Services;

    public LocaleCatalog Locales => Services.GetRequiredService<LocaleCatalog>();

    /// <param name="sharedDatabase">Another instance's database file: two processes on one database.</param>
    public static async Task<BotHarness> StartAsync(Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null, string? sharedDatabase = null)
    {
        var harness = new BotHarness(configure, settings ?? [], sharedDatabase);
        await harness.StartHostAsync(configure);
        return harness;
    }

    /// <summary>Stops this process (in-flight turns are cancelled, nothing is committed for them) and starts a fresh one.</summary>
    public async Task RestartAsync(Action<IServiceCollection>? configure = null)
    {
        await StopHostAsync();
        await StartHostAsync(configure ?? _configure);
    }

    public async Task StopHostAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
            _host.Dispose();
            _host = null;
        }
    }

    private async Task StartHostAsync(Action<IServiceCollection>? configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Test",
            DisableDefaults = true,
        });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Concierge"] = $"Data Source={DatabasePath}",
            ["Pipeline:OutboxPollInterval"] = "00:00:01",
        });
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddConcierge();
        builder.Services.AddSingleton<IChannelAdapter>(Channel);
        configure?.Invoke(builder.Services);
        _host = builder.Build();
        await _host.StartAsync();
    }

    /// <summary>
    /// Moves the fake clock on and lets the background loops look at once, as their timers would:
    /// due retries of deliveries and of turns run now.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan time)
    {
        Clock.Advance(time);
        Services.GetRequiredService<OutboxDispatcher>().Wake();
        await Services.GetRequiredService<InboxRecovery>().SweepAsync(CancellationToken.None);
    }

    /// <summary>What a channel does when a message arrives: build the activity and hand it to the ingress.</summary>
    public Task<InboundResult> ReceiveAsync(string conversation, string text, string? messageId = null, string user = "customer-1", string? locale = null) =>
        ReceiveAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Id = messageId ?? Guid.NewGuid().ToString("N"),
            ChannelId = TestChannelAdapter.Id,
            Conversation = new ConversationAccount(conversation),
            From = new ChannelAccount(user, role: "user"),
            Recipient = new ChannelAccount("bot", role: "bot"),
            Text = text,
            Locale = locale,
        });

    public Task<InboundResult> ReceiveAsync(Activity activity) =>
        Services.GetRequiredService<TurnIngress>().AcceptAsync(activity, CancellationToken.None);

    public async Task<T> QueryAsync<T>(Func<ConciergeDb, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ConciergeDb>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling the real database.</summary>
    public async Task EventuallyAsync(Func<ConciergeDb, Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await QueryAsync(condition))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not hold in time. Log:{Environment.NewLine}{string.Join(Environment.NewLine, Logs.Lines)}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        _folder.Dispose();
    }
}
