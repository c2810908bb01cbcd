using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConciergeBot.Health;

/// <summary>Healthy when the database answers a query on the inbox, the table every turn needs.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<ConciergeDb> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var pending = await db.Inbox.CountAsync(i => i.Status == InboxStatus.Pending, cancellationToken);
            var undelivered = await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Failed, cancellationToken);
            return HealthCheckResult.Healthy($"{pending} inbox item(s) pending, {undelivered} delivery(ies) failed (see the 'failures' command)");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
