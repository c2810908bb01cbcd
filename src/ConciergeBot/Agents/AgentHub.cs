using System.Security.Claims;
using ConciergeBot.Handoff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ConciergeBot.Agents;

/// <summary>
/// The console's live line (SignalR at <c>/agent/hub</c>). The server only says what changed
/// (<c>queueChanged</c>, <c>caseChanged(caseId)</c>); the console reads the details over the API,
/// where every read is authorised. The console's heartbeat keeps its agent counted as online.
/// </summary>
[Authorize(Policy = AgentAuthentication.AgentPolicy)]
public sealed class AgentHub(HandoffDesk desk) : Hub
{
    public const string Path = "/agent/hub";

    public override async Task OnConnectedAsync()
    {
        if (AgentId is { } id)
        {
            await desk.HeartbeatAsync(id, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }

    public async Task Heartbeat()
    {
        if (AgentId is { } id)
        {
            await desk.HeartbeatAsync(id, Context.ConnectionAborted);
        }
    }

    private Guid? AgentId => Guid.TryParse(Context.User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}

/// <summary>Passes the desk's and the pipeline's changes to every open console.</summary>
public sealed class AgentHubBroadcaster(HandoffSignals signals, IHubContext<AgentHub> hub, ILogger<AgentHubBroadcaster> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        signals.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        signals.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(HandoffChange change) => _ = SendAsync(change);

    private async Task SendAsync(HandoffChange change)
    {
        try
        {
            if (change.QueueChanged)
            {
                await hub.Clients.All.SendAsync("queueChanged");
            }

            if (change.CaseId != Guid.Empty)
            {
                await hub.Clients.All.SendAsync("caseChanged", change.CaseId);
            }
        }
        catch (Exception ex)
        {
            // A console that misses a notice catches up on its next read; nothing is lost.
            logger.LogWarning(ex, "Telling the agent consoles about case {CaseId} failed", change.CaseId);
        }
    }
}
