using ConciergeBot.Handoff;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Agents;

/// <param name="AverageWaitSeconds">From joining the queue to an agent taking it, over the last 24 hours; null without any.</param>
/// <param name="AverageHandlingSeconds">From claim to close, over the last 24 hours; null without any.</param>
public sealed record DeskFigures(int Waiting, int Active, int LongestWaitSeconds, double? AverageWaitSeconds, double? AverageHandlingSeconds, int ClosedLast24Hours, bool Staffed);

public sealed record AgentLoad(AgentView Agent, IReadOnlyList<CaseView> Cases);

/// <summary>What a supervisor watches: the queue, who handles what, and the waiting-time figures.</summary>
public sealed record DeskOverview(IReadOnlyList<CaseView> Queue, IReadOnlyList<AgentLoad> Agents, DeskFigures Figures)
{
    public static async Task<DeskOverview> ReadAsync(HandoffQueue queue, IDbContextFactory<ConciergeDb> dbs, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var waiting = await queue.WaitingAsync(null, ct);
        var online = (await queue.OnlineAgentsAsync(db, ct)).Select(a => a.Agent.Id).ToHashSet();
        var agents = await db.Agents.AsNoTracking().Where(a => !a.Disabled).OrderBy(a => a.DisplayName).ToListAsync(ct);
        var active = await db.HandoffCases.AsNoTracking().Where(c => c.Status == HandoffStatus.Active).ToListAsync(ct);
        var since = (now - TimeSpan.FromDays(1)).UtcDateTime;
        var recentClaims = await db.HandoffCases.AsNoTracking()
            .Where(c => c.ClaimedAt != null && c.ClaimedAt >= since)
            .Select(c => new { c.QueuedAt, c.ClaimedAt, c.ClosedAt })
            .ToListAsync(ct);
        var handled = recentClaims.Where(c => c.ClosedAt is not null).ToList();
        var names = agents.ToDictionary(a => a.Id, a => a.UserName);

        var loads = agents.Select(a => new AgentLoad(
                AgentView.Of(a, online.Contains(a.Id)),
                active.Where(c => c.AgentId == a.Id).Select(c => CaseView.Of(c, a.UserName, now)).ToList()))
            .ToList();
        var figures = new DeskFigures(
            waiting.Count,
            active.Count,
            waiting.Count == 0 ? 0 : (int)waiting.Max(c => (now.UtcDateTime - c.QueuedAt).TotalSeconds),
            recentClaims.Count == 0 ? null : recentClaims.Average(c => (c.ClaimedAt!.Value - c.QueuedAt).TotalSeconds),
            handled.Count == 0 ? null : handled.Average(c => (c.ClosedAt!.Value - c.ClaimedAt!.Value).TotalSeconds),
            handled.Count,
            queue.Hours.IsStaffed(now));
        return new DeskOverview(waiting.Select(c => CaseView.Of(c, null, now)).ToList(), loads, figures);
    }
}
