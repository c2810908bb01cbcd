using ConciergeBot.Activities;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Pipeline;

/// <summary>
/// A conversation's transcript: every message in (the inbox) and out (the outbox), in order.
/// Both are kept, so the transcript costs no extra write on the turn's path.
/// </summary>
public sealed class TranscriptReader(IDbContextFactory<ConciergeDb> dbFactory)
{
    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inbound = await db.Inbox.AsNoTracking()
            .Where(i => i.ConversationId == conversationId)
            .Select(i => new { i.Id, i.ReceivedAt, i.ActivityJson })
            .ToListAsync(cancellationToken);
        var outbound = await db.Outbox.AsNoTracking()
            .Where(o => o.ConversationId == conversationId)
            .Select(o => new { o.Id, o.InboxId, o.CreatedAt, o.ActivityJson, o.Status })
            .ToListAsync(cancellationToken);

        // Time orders the transcript; at equal times a reply follows the message it answers.
        return inbound.Select(i => (Turn: i.Id, Entry: new TranscriptEntry(TranscriptDirection.In, i.Id, i.ReceivedAt, ActivityJson.Deserialize(i.ActivityJson), null)))
            .Concat(outbound.Select(o => (Turn: o.InboxId ?? long.MaxValue, Entry: new TranscriptEntry(TranscriptDirection.Out, o.Id, o.CreatedAt, ActivityJson.Deserialize(o.ActivityJson), o.Status))))
            .OrderBy(e => e.Entry.At).ThenBy(e => e.Turn).ThenBy(e => e.Entry.Direction).ThenBy(e => e.Entry.Id)
            .Select(e => e.Entry)
            .ToList();
    }
}

public sealed record TranscriptEntry(TranscriptDirection Direction, long Id, DateTime At, Activity Activity, OutboxStatus? Delivery);

public enum TranscriptDirection
{
    In,
    Out,
}
