using ConciergeBot.Activities;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Benchmarks;

/// <summary>
/// A small but realistic turn: read the conversation's saved state, change it, answer once.
/// It isolates the pipeline (inbox, scheduling, commit, outbox, delivery) from the dialogs' cost.
/// </summary>
internal sealed class CounterHandler : ITurnHandler
{
    /// <summary>While set, turns wait here (until the host stops), so that only the ingress writes.</summary>
    public bool Parked { get; set; }

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (Parked)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var count = (turn.State.Memory["count"]?.GetValue<int>() ?? 0) + 1;
        turn.State.Memory["count"] = count;
        await turn.SendAsync(MessageFactory.Text($"{count}: {turn.Activity.Text}"));
    }
}
