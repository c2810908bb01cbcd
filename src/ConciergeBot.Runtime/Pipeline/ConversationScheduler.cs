using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Pipeline;

/// <summary>
/// Runs each conversation's turns one at a time, in arrival order, while different conversations
/// run side by side. In this process one drain loop per busy conversation does it; across
/// instances the conversation's version (see <see cref="TurnRunner"/>) lets only one commit win.
/// </summary>
public sealed partial class ConversationScheduler(
    TurnRunner runner,
    IOptions<PipelineOptions> options,
    ILogger<ConversationScheduler> logger) : IHostedService
{
    private const int MaxDrainFailures = 5;

    private readonly ConcurrentDictionary<string, Drain> _drains = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentConversations);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Something new may be waiting for this conversation: make sure its inbox gets drained.</summary>
    public void Notify(string conversationId)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        while (true)
        {
            var drain = _drains.GetOrAdd(conversationId, id => new Drain(id));
            bool start;
            lock (drain)
            {
                if (drain.Retired)
                {
                    continue;
                }

                drain.Dirty = true;
                start = !drain.Running;
                drain.Running = true;
            }

            if (start)
            {
                drain.Task = Task.Run(() => RunAsync(drain));
            }

            return;
        }
    }

    private async Task RunAsync(Drain drain)
    {
        var token = _stopping.Token;
        var failures = 0;
        try
        {
            await _slots.WaitAsync(token);
            try
            {
                while (true)
                {
                    lock (drain)
                    {
                        drain.Dirty = false;
                    }

                    try
                    {
                        await runner.RunPendingAsync(drain.ConversationId, token);
                        failures = 0;
                    }
                    catch (Exception ex) when (!token.IsCancellationRequested && ++failures < MaxDrainFailures)
                    {
                        // A passing database fault (busy, a lost connection): drain again at once.
                        LogDrainRetry(ex, drain.ConversationId, failures);
                        lock (drain)
                        {
                            drain.Dirty = true;
                        }
                    }

                    lock (drain)
                    {
                        if (!drain.Dirty)
                        {
                            Retire(drain);
                            return;
                        }
                    }
                }
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping: what was not committed stays in the inbox for the next start.
        }
        catch (Exception ex)
        {
            LogDrainFailed(ex, drain.ConversationId);
        }
        finally
        {
            bool missed;
            lock (drain)
            {
                missed = !drain.Retired && drain.Dirty;
                if (!drain.Retired)
                {
                    Retire(drain);
                }
            }

            if (missed)
            {
                // Something arrived while this drain was failing: a fresh drain looks at it now.
                Notify(drain.ConversationId);
            }
        }
    }

    private void Retire(Drain drain)
    {
        drain.Running = false;
        drain.Retired = true;
        _drains.TryRemove(new KeyValuePair<string, Drain>(drain.ConversationId, drain));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        var running = _drains.Values.Select(d => d.Task).OfType<Task>().ToArray();
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draining conversation {ConversationId} failed ({Failures} in a row); trying again")]
    private partial void LogDrainRetry(Exception exception, string conversationId, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Draining conversation {ConversationId} failed; the inbox sweep will try again")]
    private partial void LogDrainFailed(Exception exception, string conversationId);

    private sealed class Drain(string conversationId)
    {
        public string ConversationId { get; } = conversationId;
        public bool Running { get; set; }
        public bool Dirty { get; set; }
        public bool Retired { get; set; }
        public Task? Task { get; set; }
    }
}
