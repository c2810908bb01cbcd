using ConciergeBot.Pipeline;
using Microsoft.Extensions.Hosting;

namespace ConciergeBot.Handoff;

/// <summary>Turns in a handed-off conversation (a customer's new message, a case opened or withdrawn) reach the live console.</summary>
public sealed class HandoffTurnWatcher(PipelineEvents pipeline, HandoffSignals signals) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        pipeline.TurnCommitted += OnTurn;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        pipeline.TurnCommitted -= OnTurn;
        return Task.CompletedTask;
    }

    private void OnTurn(TurnCommitted turn)
    {
        if ((turn.HandoffAfter ?? turn.HandoffBefore) is { } caseId)
        {
            signals.Raise(new HandoffChange(caseId, turn.ConversationId, QueueChanged: turn.HandoffAfter != turn.HandoffBefore));
        }
    }
}
