using ConciergeBot.Dialogs;
using ConciergeBot.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Harness;

/// <summary>Turn handlers that let a test stand in the middle of a turn.</summary>
public static class Handlers
{
    /// <summary>Registers <paramref name="wrap"/> around the real bot as the turn handler.</summary>
    public static Action<IServiceCollection> Around(Func<ITurnHandler, ITurnHandler> wrap) =>
        services => services.AddSingleton(sp => wrap(sp.GetRequiredService<DialogBot>()));
}

/// <summary>Runs the inner handler, but first waits on a gate that the test may never open (a process that hangs, then dies).</summary>
public sealed class GatedHandler(ITurnHandler inner) : ITurnHandler
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls;

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        Entered.TrySetResult();
        await Gate.Task.WaitAsync(cancellationToken);
        await inner.HandleAsync(turn, cancellationToken);
    }
}

/// <summary>Answers "n: text", where n counts the turns of the conversation from its saved state.</summary>
public sealed class CountingEchoHandler(Func<TurnContext, Task>? beforeReply = null) : ITurnHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (beforeReply is not null)
        {
            await beforeReply(turn);
        }

        var count = (turn.State.Memory["count"]?.GetValue<int>() ?? 0) + 1;
        turn.State.Memory["count"] = count;
        await turn.SendAsync(Activities.MessageFactory.Text($"{count}: {turn.Activity.Text}"));
    }
}

/// <summary>Throws on the first <paramref name="failures"/> calls, then behaves like the inner handler.</summary>
public sealed class FlakyHandler(ITurnHandler inner, int failures) : ITurnHandler
{
    public int Calls;

    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref Calls) <= failures
            ? throw new InvalidOperationException("A bug in a dialog.")
            : inner.HandleAsync(turn, cancellationToken);
}
