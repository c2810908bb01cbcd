using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.CheckIns;

public sealed record SweepResult(int Planned, int Sent, int Failed, int Expired, int Started, int Waiting, int Skipped, int Undeliverable);

/// <summary>
/// One pass over the contacts the bot starts itself, safe to run any time, on any instance, twice
/// at once: plan rows for appointments that need one, record what the channels did with the
/// questions, close the unanswered ones that expired, and start the ones that are due. Hangfire
/// runs it every minute; tests call it with a fake clock.
/// </summary>
public sealed partial class CheckInSweep(
    IDbContextFactory<ConciergeDb> dbFactory,
    DatabaseWriter writer,
    CheckInPlanner planner,
    CheckInStarter starter,
    TimeProvider clock,
    ILogger<CheckInSweep> logger)
{
    private const int Batch = 200;

    // A question's delivery is read from the outbox row that carries its id (CheckInEvents.Tag).
    private const string DeliveriesSql = """
        UPDATE "CheckIns" SET
            "Status" = CASE o."Status" WHEN 1 THEN 2 ELSE 6 END,
            "Reason" = CASE o."Status" WHEN 2 THEN COALESCE(o."LastError", 'The channel did not deliver the message.') ELSE "CheckIns"."Reason" END,
            "Version" = "CheckIns"."Version" + 1
        FROM "Outbox" o
        WHERE "CheckIns"."Status" = 1 AND o."ConversationId" = "CheckIns"."ConversationId" AND o."Status" IN (1, 2)
            AND json_extract(o."ActivityJson", '$.channelData.checkIn') = "CheckIns"."Id"
        RETURNING "CheckIns"."Status"
        """;

    private const string ExpireSql = """
        UPDATE "CheckIns" SET "Status" = 4, "Version" = "Version" + 1
        WHERE "Status" IN (1, 2) AND "ExpiresAt" <= @now
        """;

    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var planned = await planner.PlanAsync(now, cancellationToken);
        var (sent, failed, expired) = await writer.WriteAsync((connection, transaction) =>
        {
            int sent = 0, failed = 0;
            using (var deliveries = Sql.Command(connection, transaction, DeliveriesSql))
            using (var reader = deliveries.ExecuteReader())
            {
                while (reader.Read())
                {
                    if (reader.GetInt32(0) == (int)CheckInStatus.Sent)
                    {
                        sent++;
                    }
                    else
                    {
                        failed++;
                    }
                }
            }

            using var expire = Sql.Command(connection, transaction, ExpireSql, ("@now", now.UtcDateTime));
            return (sent, failed, expire.ExecuteNonQuery());
        }, cancellationToken);

        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var utc = now.UtcDateTime;
            due = await db.CheckIns.AsNoTracking()
                .Where(c => c.Status == CheckInStatus.Scheduled && c.DueAt <= utc)
                .OrderBy(c => c.DueAt)
                .Select(c => c.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
        }

        var outcomes = new Dictionary<StartOutcome, int>();
        foreach (var id in due)
        {
            StartOutcome outcome;
            try
            {
                outcome = await starter.StartAsync(id, now, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance changed it first: it is theirs.
                outcome = StartOutcome.NotMine;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        var result = new SweepResult(planned, sent, failed, expired,
            outcomes.GetValueOrDefault(StartOutcome.Started), outcomes.GetValueOrDefault(StartOutcome.Waiting),
            outcomes.GetValueOrDefault(StartOutcome.Skipped), outcomes.GetValueOrDefault(StartOutcome.Undeliverable));
        if (result != new SweepResult(0, 0, 0, 0, 0, 0, 0, 0))
        {
            LogSwept(result.Planned, result.Started, result.Waiting, result.Skipped, result.Undeliverable, result.Sent, result.Failed, result.Expired);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Check-in sweep: {Planned} planned, {Started} started, {Waiting} waiting, {Skipped} skipped, {Undeliverable} undeliverable, {Sent} sent, {Failed} failed, {Expired} expired")]
    private partial void LogSwept(int planned, int started, int waiting, int skipped, int undeliverable, int sent, int failed, int expired);
}
