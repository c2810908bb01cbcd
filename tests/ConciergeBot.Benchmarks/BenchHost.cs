using ConciergeBot.Activities;
using ConciergeBot.Hosting;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Benchmarks;

/// <summary>Which turn handler a run uses.</summary>
internal enum BotKind
{
    /// <summary><see cref="CounterHandler"/>: the pipeline's own cost.</summary>
    Counter,

    /// <summary>The real dialogs registered by <c>AddConcierge()</c>.</summary>
    Dialogs,
}

/// <summary>
/// The real host, as <c>Program.cs</c> builds it (<c>AddConcierge()</c>, the configured pipeline
/// options), on a fresh SQLite file in a temporary folder, with <see cref="BenchChannel"/> as the channel.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly IHost _host;

    private BenchHost(string folder, IHost host, CountingLoggerProvider log, BenchChannel channel)
    {
        _folder = folder;
        _host = host;
        Log = log;
        Channel = channel;
        Ingress = host.Services.GetRequiredService<TurnIngress>();
        Tracker = new TurnTracker(host.Services.GetRequiredService<PipelineEvents>());
        Options = host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        Writer = host.Services.GetRequiredService<DatabaseWriter>();
    }

    public DatabaseWriter Writer { get; }

    /// <summary>The counter handler, when the run uses it.</summary>
    public CounterHandler? Counter => _host.Services.GetRequiredService<ITurnHandler>() as CounterHandler;

    public TurnIngress Ingress { get; }

    public TurnTracker Tracker { get; }

    public BenchChannel Channel { get; }

    public CountingLoggerProvider Log { get; }

    public PipelineOptions Options { get; }

    public static async Task<BenchHost> StartAsync(BotKind bot)
    {
        var folder = Path.Combine(Path.GetTempPath(), "concierge-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Benchmark",
            DisableDefaults = true,
        });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false);
        // Pipeline__MaxConcurrentConversations=128 and the like can be tried without a rebuild.
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StorageServiceCollectionExtensions.ConnectionStringName}"] = $"Data Source={Path.Combine(folder, "concierge.db")}",
        });

        var log = new CountingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(log);

        var channel = new BenchChannel();
        builder.AddConcierge();
        builder.Services.AddSingleton<IChannelAdapter>(channel);
        if (bot == BotKind.Counter)
        {
            builder.Services.AddSingleton<ITurnHandler>(new CounterHandler());
        }

        var host = builder.Build();
        await host.StartAsync();
        return new BenchHost(folder, host, log, channel);
    }

    /// <summary>What a channel's webhook does with a customer's message.</summary>
    public Task<InboundResult> ReceiveAsync(string conversation, string text, CancellationToken cancellationToken = default) =>
        Ingress.AcceptAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = BenchChannel.Id,
            Conversation = new ConversationAccount(conversation),
            From = new ChannelAccount($"user-{conversation}", role: "user"),
            Recipient = new ChannelAccount("concierge", "ConciergeBot", "bot"),
            Text = text,
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Tracker.Dispose();
        Log.Stopping = true;
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
