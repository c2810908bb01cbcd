using ConciergeBot.Activities;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Pipeline;

/// <summary>
/// The door every channel uses. An activity is stored in the inbox before the channel is told
/// "received", so nothing acknowledged can be lost; a redelivery of the same channel message id
/// is recognised and not processed again.
/// </summary>
public sealed partial class TurnIngress(
    IDbContextFactory<ConciergeDb> dbFactory,
    DatabaseWriteGate writeGate,
    ConversationScheduler scheduler,
    TimeProvider clock,
    ILogger<TurnIngress> logger)
{
    private const string EmptyState = "{}";

    public async Task<InboundResult> AcceptAsync(Activity activity, CancellationToken cancellationToken)
    {
        var channel = activity.ChannelId;
        if (string.IsNullOrWhiteSpace(channel) || string.IsNullOrWhiteSpace(activity.Conversation?.Id)
            || string.IsNullOrWhiteSpace(activity.Id) || string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            throw new ArgumentException("An inbound activity needs channelId, id, conversation.id and from.id.", nameof(activity));
        }

        var now = clock.GetUtcNow();
        activity.Timestamp ??= now;
        var conversationId = ConversationKey.For(activity);
        var json = ActivityJson.Serialize(activity);
        var at = now.UtcDateTime;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        long? inboxId;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Conversations" ("Id", "Channel", "ChannelConversationId", "UserAddress", "StateJson", "CreatedAt", "Version")
                VALUES ({conversationId}, {channel}, {activity.Conversation!.Id}, {activity.From!.Id}, {EmptyState}, {at}, 0)
                ON CONFLICT ("Id") DO NOTHING
                """, cancellationToken);
            var ids = await db.Database.SqlQuery<long>($"""
                INSERT INTO "Inbox" ("Channel", "ChannelMessageId", "ConversationId", "ActivityJson", "ReceivedAt", "Status", "Attempts", "NextAttemptAt")
                VALUES ({channel}, {activity.Id}, {conversationId}, {json}, {at}, {(int)InboxStatus.Pending}, 0, {at})
                ON CONFLICT ("Channel", "ChannelMessageId") DO NOTHING
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken);
            inboxId = ids.Count > 0 ? ids[0] : null;
            await tx.CommitAsync(cancellationToken);
        }

        if (inboxId is null)
        {
            LogDuplicate(channel, activity.Id!, conversationId);
            return new InboundResult(InboundStatus.Duplicate, conversationId, null);
        }

        scheduler.Notify(conversationId);
        return new InboundResult(InboundStatus.Accepted, conversationId, inboxId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a redelivered {Channel} message {ChannelMessageId} in conversation {ConversationId}")]
    private partial void LogDuplicate(string channel, string channelMessageId, string conversationId);
}

public sealed record InboundResult(InboundStatus Status, string ConversationId, long? InboxId);

public enum InboundStatus
{
    Accepted,
    Duplicate,
}
