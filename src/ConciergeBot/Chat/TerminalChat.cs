using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Dialogs;
using ConciergeBot.Hosting;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;

namespace ConciergeBot.Chat;

/// <summary>
/// <c>chat</c>: talk to the bot in the terminal, through exactly the pipeline every channel uses
/// (inbox, turn, outbox, adapter). Reads lines from stdin, so a script can be piped in.
/// </summary>
public static class TerminalChat
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var user = new Option<string>("--user") { Description = "Who you are: a name, or a phone number such as +6281234567890 (the demo customer Budi).", DefaultValueFactory = _ => Environment.UserName };
        var language = new Option<string?>("--language") { Description = "Start in this language: en or id (otherwise the bot follows your words)." };
        language.AcceptOnlyFromAmong("en", "id");
        var now = new Option<DateTimeOffset?>("--now") { Description = "Pretend it is this moment (ISO 8601, e.g. 2026-12-01T09:00:00+07:00); the clock runs on from there." };
        var db = new Option<string?>("--db") { Description = "The SQLite file to use instead of the configured database." };
        var command = new RootCommand("Chat with ConciergeBot in the terminal.") { user, language, now, db };
        command.SetAction((result, token) => ChatAsync(result.GetValue(user)!, result.GetValue(language), result.GetValue(now), result.GetValue(db), token));
        return await command.Parse(args).InvokeAsync();
    }

    private static async Task<int> ChatAsync(string user, string? language, DateTimeOffset? now, string? dbPath, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        // The conversation owns stdout; the log goes to stderr, warnings and worse only.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (dbPath is not null)
        {
            builder.Configuration[$"ConnectionStrings:{StorageServiceCollectionExtensions.ConnectionStringName}"] = $"Data Source={dbPath}";
        }

        if (now is { } start)
        {
            builder.Services.AddSingleton<TimeProvider>(new ShiftedClock(start));
        }

        var output = Console.Out;
        builder.AddConcierge();
        builder.Services.AddSingleton<IChannelAdapter>(new TerminalChannelAdapter(output));

        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var session = new ChatSession(host.Services, user);
        var interactive = !Console.IsInputRedirected;
        if (interactive)
        {
            output.WriteLine("Chatting with the bot. Type a message, or 'exit' to leave.");
        }

        if (language is not null)
        {
            await session.SendAsync(new Activity { Type = ActivityTypes.Event, Name = DialogBot.SetLanguageEvent, Value = JsonValue.Create(language) }, cancellationToken);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            if (interactive)
            {
                output.Write("You: ");
            }

            var line = await Console.In.ReadLineAsync(cancellationToken);
            if (line is null || (interactive && line.Trim() is "exit" or "quit"))
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (!interactive)
            {
                output.WriteLine($"You: {line}");
            }

            if (!await session.SendAsync(new Activity { Type = ActivityTypes.Message, Text = line }, cancellationToken))
            {
                await Console.Error.WriteLineAsync("The bot did not answer in time; see the log.");
            }
        }

        await host.StopAsync(CancellationToken.None);
        return 0;
    }

    /// <summary>One terminal conversation: sends a line and waits until the bot's replies to it are delivered.</summary>
    private sealed class ChatSession
    {
        private readonly TurnIngress _ingress;
        private readonly PipelineEvents _events;
        private readonly string _user;

        public ChatSession(IServiceProvider services, string user)
        {
            _ingress = services.GetRequiredService<TurnIngress>();
            _events = services.GetRequiredService<PipelineEvents>();
            _user = user;
        }

        public async Task<bool> SendAsync(Activity activity, CancellationToken cancellationToken)
        {
            activity.Id = Guid.NewGuid().ToString("N");
            activity.ChannelId = TerminalChannelAdapter.Id;
            activity.From = new ChannelAccount(_user, _user, "user");
            activity.Recipient = new ChannelAccount("concierge", "ConciergeBot", "bot");
            activity.Conversation = new ConversationAccount($"terminal-{_user}");
            activity.Locale ??= CultureInfo.CurrentCulture.Name;

            var replies = new ReplyWaiter(_events);
            try
            {
                var accepted = await _ingress.AcceptAsync(activity, cancellationToken);
                return await replies.WaitAsync(accepted.InboxId!.Value, ReplyTimeout, cancellationToken);
            }
            finally
            {
                replies.Dispose();
            }
        }
    }

    /// <summary>Completes when a turn has committed and each of its outgoing activities has been delivered or failed.</summary>
    private sealed class ReplyWaiter : IDisposable
    {
        private readonly PipelineEvents _events;
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly HashSet<long> _finished = [];
        private readonly object _gate = new();
        private long _inboxId = -1;
        private HashSet<long>? _expected;
        private List<TurnCommitted> _earlyTurns = [];

        public ReplyWaiter(PipelineEvents events)
        {
            _events = events;
            _events.TurnCommitted += OnTurn;
            _events.DeliveryFinished += OnDelivery;
        }

        public async Task<bool> WaitAsync(long inboxId, TimeSpan timeout, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _inboxId = inboxId;
                foreach (var turn in _earlyTurns)
                {
                    Take(turn);
                }

                _earlyTurns = [];
            }

            try
            {
                await _done.Task.WaitAsync(timeout, cancellationToken);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        private void OnTurn(TurnCommitted turn)
        {
            lock (_gate)
            {
                if (_inboxId < 0)
                {
                    _earlyTurns.Add(turn);
                    return;
                }

                Take(turn);
            }
        }

        private void Take(TurnCommitted turn)
        {
            if (turn.InboxId != _inboxId)
            {
                return;
            }

            _expected = [.. turn.OutboxIds];
            CheckDone();
        }

        private void OnDelivery(DeliveryFinished delivery)
        {
            lock (_gate)
            {
                _finished.Add(delivery.OutboxId);
                CheckDone();
            }
        }

        private void CheckDone()
        {
            if (_expected is not null && _expected.IsSubsetOf(_finished))
            {
                _done.TrySetResult();
            }
        }

        public void Dispose()
        {
            _events.TurnCommitted -= OnTurn;
            _events.DeliveryFinished -= OnDelivery;
        }
    }
}
