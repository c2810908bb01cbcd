using ConciergeBot.Conversations;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Handoff;

/// <summary>
/// Reads the queue: who waits in which order (priority, then time in the queue, per team), where one
/// customer stands, who is online, and the figures a supervisor watches.
/// </summary>
public sealed class HandoffQueue(IDbContextFactory<ConciergeDb> dbs, BusinessDirectory businesses, IOptions<HandoffOptions> options, TimeProvider clock)
{
    private readonly HandoffOptions _options = options.Value;

    public StaffedHours Hours => new(_options, businesses.Current.TimeZone);

    /// <summary>Where a case that waits (or is about to) stands in its team's queue.</summary>
    public async Task<QueueStanding> StandingAsync(ConciergeDb db, string team, int priority, DateTime queuedAt, Guid caseId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var others = await db.HandoffCases.AsNoTracking()
            .Where(c => c.Status == HandoffStatus.Waiting && c.Team == team && c.Id != caseId && c.Priority <= priority)
            .Select(c => new QueueKey(c.Priority, c.QueuedAt, c.Id))
            .ToListAsync(cancellationToken);
        var mine = new QueueKey(priority, queuedAt, caseId);
        var ahead = others.Count(o => QueueKey.Order.Compare(o, mine) < 0);
        var hours = Hours;
        var staffed = hours.IsStaffed(now);
        var online = (await OnlineAgentsAsync(db, cancellationToken)).Where(a => a.Agent.Works(team)).ToList();
        var seats = online.Sum(a => a.Agent.MaxConcurrent);
        var free = online.Sum(a => Math.Max(0, a.Agent.MaxConcurrent - a.Active));
        var wait = staffed ? WaitEstimate.For(ahead, free, seats, await RecentHandlingTimesAsync(db, cancellationToken), _options.EstimateMinimumHistory) : null;
        return new QueueStanding(ahead, wait, staffed, online.Count > 0, staffed ? null : hours.NextOpening(now));
    }

    public async Task<QueueStanding> StandingAsync(HandoffCase open, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await StandingAsync(db, open.Team, open.Priority, open.QueuedAt, open.Id, cancellationToken);
    }

    /// <summary>Waiting cases in the order they are served, for the given teams (all teams when null).</summary>
    public async Task<List<HandoffCase>> WaitingAsync(IReadOnlyCollection<string>? teams, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var waiting = db.HandoffCases.AsNoTracking().Where(c => c.Status == HandoffStatus.Waiting);
        if (teams is not null)
        {
            waiting = waiting.Where(c => teams.Contains(c.Team));
        }

        var cases = await waiting.ToListAsync(cancellationToken);
        return [.. cases.OrderBy(c => new QueueKey(c.Priority, c.QueuedAt, c.Id), QueueKey.Order)];
    }

    /// <summary>Agents whose console is open and who said they are available, with how many conversations each holds.</summary>
    public async Task<List<(Agent Agent, int Active)>> OnlineAgentsAsync(ConciergeDb db, CancellationToken cancellationToken)
    {
        var since = (clock.GetUtcNow() - _options.OnlineWithin).UtcDateTime;
        var agents = await db.Agents.AsNoTracking()
            .Where(a => !a.Disabled && a.Presence == AgentPresence.Available && a.LastSeenAt >= since)
            .Select(a => new { Agent = a, Active = db.HandoffCases.Count(c => c.AgentId == a.Id && c.Status == HandoffStatus.Active) })
            .ToListAsync(cancellationToken);
        return agents.Select(a => (a.Agent, a.Active)).ToList();
    }

    /// <summary>Claim-to-close times of the most recent handled conversations.</summary>
    public async Task<List<TimeSpan>> RecentHandlingTimesAsync(ConciergeDb db, CancellationToken cancellationToken)
    {
        var recent = await db.HandoffCases.AsNoTracking()
            .Where(c => (c.Status == HandoffStatus.Resolved || c.Status == HandoffStatus.HandedBack) && c.ClaimedAt != null && c.ClosedAt != null)
            .OrderByDescending(c => c.ClosedAt)
            .Take(_options.EstimateFromLast)
            .Select(c => new { c.ClaimedAt, c.ClosedAt })
            .ToListAsync(cancellationToken);
        return recent.Select(c => c.ClosedAt!.Value - c.ClaimedAt!.Value).ToList();
    }
}

/// <summary>The order a queue is served in: priority, then time in the queue; the id settles a tie so every reader agrees.</summary>
internal readonly record struct QueueKey(int Priority, DateTime QueuedAt, Guid Id)
{
    public static readonly IComparer<QueueKey> Order = Comparer<QueueKey>.Create((a, b) =>
        a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority)
        : a.QueuedAt != b.QueuedAt ? a.QueuedAt.CompareTo(b.QueuedAt)
        : a.Id.CompareTo(b.Id));
}
