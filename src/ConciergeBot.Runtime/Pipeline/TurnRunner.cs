using ConciergeBot.Activities;
using ConciergeBot.Conversations;
using ConciergeBot.Customers;
using ConciergeBot.Localization;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Pipeline;

/// <summary>
/// Processes a conversation's pending inbox items in order. A turn's new state, its outgoing
/// activities and the inbox mark commit in one transaction, guarded by the conversation's version:
/// if another instance committed first, this turn is thrown away and run again on fresh state.
/// </summary>
public sealed partial class TurnRunner(
    IDbContextFactory<ConciergeDb> dbFactory,
    DatabaseWriteGate writeGate,
    IServiceProvider services,
    BusinessDirectory businesses,
    LocaleCatalog locales,
    PipelineEvents events,
    TimeProvider clock,
    IOptions<PipelineOptions> options,
    ILogger<TurnRunner> logger)
{
    private const int BatchSize = 32;
    private const int MaxConflictRetries = 5;

    private readonly PipelineOptions _options = options.Value;
    private ITurnHandler? _handler;
    private OutboxDispatcher? _dispatcher;

    // Resolved on first use: the handler's dialogs and the dispatcher are built after the pipeline.
    private ITurnHandler Handler => _handler ??= services.GetRequiredService<ITurnHandler>();

    private OutboxDispatcher Dispatcher => _dispatcher ??= services.GetRequiredService<OutboxDispatcher>();

    public async Task RunPendingAsync(string conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            List<InboxItem> batch;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                batch = await db.Inbox.AsNoTracking()
                    .Where(i => i.ConversationId == conversationId && i.Status == InboxStatus.Pending)
                    .OrderBy(i => i.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
            }

            foreach (var item in batch)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (item.NextAttemptAt > now)
                {
                    // Later messages wait behind this one: order matters more than speed.
                    WakeAt(conversationId, item.NextAttemptAt - now);
                    return;
                }

                if (!await RunTurnAsync(item, cancellationToken))
                {
                    return;
                }
            }

            if (batch.Count < BatchSize)
            {
                return;
            }
        }
    }

    /// <returns>False when the turn failed and later items must wait for its retry.</returns>
    private async Task<bool> RunTurnAsync(InboxItem item, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Conversation {ConversationId}", item.ConversationId);
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var conversation = await db.Conversations.SingleAsync(c => c.Id == item.ConversationId, cancellationToken);
            var activity = ActivityJson.Deserialize(item.ActivityJson);
            var turn = await CreateTurnAsync(db, conversation, activity, cancellationToken);

            try
            {
                await Handler.HandleAsync(turn, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                return await RecordFailureAsync(item, activity, ex, cancellationToken);
            }

            var outbox = turn.Outgoing.Select(a => ToOutbox(turn, activity, a, item.Id)).ToList();
            conversation.StateJson = turn.State.Serialize();
            conversation.Language = turn.Language;
            conversation.CustomerId = turn.CustomerId;
            conversation.LastActivityAt = turn.Now.UtcDateTime;
            conversation.Version++;
            db.Outbox.AddRange(outbox);

            var outcome = await CommitAsync(db, item.Id, cancellationToken);
            if (outcome == CommitOutcome.Conflict)
            {
                LogConflict(item.ConversationId, item.Id);
                continue;
            }

            if (outcome == CommitOutcome.Committed)
            {
                var ids = outbox.Select(o => o.Id).ToList();
                events.Raise(new TurnCommitted(item.ConversationId, item.Id, ids));
                if (ids.Count > 0)
                {
                    Dispatcher.Wake();
                }
            }

            return true;
        }

        throw new InvalidOperationException($"Conversation {item.ConversationId} kept changing under turn {item.Id}.");
    }

    private async Task<TurnContext> CreateTurnAsync(ConciergeDb db, ConversationRecord conversation, Activity activity, CancellationToken cancellationToken)
    {
        var business = businesses.Current;
        var customerId = conversation.CustomerId;
        string? customerLanguage = null;
        if (customerId is null && conversation.Version == 0)
        {
            var (kind, value) = CustomerAddresses.FromChannel(conversation.Channel, conversation.UserAddress);
            var known = await db.CustomerAddresses.AsNoTracking()
                .Where(a => a.Kind == kind && a.Value == value)
                .Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new { c.Id, c.PreferredLanguage })
                .FirstOrDefaultAsync(cancellationToken);
            customerId = known?.Id;
            customerLanguage = known?.PreferredLanguage;
        }

        var language = conversation.Language
            ?? customerLanguage
            ?? Languages.FromLocale(activity.Locale)
            ?? business.DefaultLanguage;
        DateTimeOffset? previous = conversation.LastActivityAt is { } last ? new DateTimeOffset(last, TimeSpan.Zero) : null;
        return new TurnContext(activity, conversation.Id, ConversationState.Deserialize(conversation.StateJson),
            language, customerId, previous, business, locales, db, clock);
    }

    private OutboxItem ToOutbox(TurnContext turn, Activity inbound, Activity reply, long inboxId) =>
        ToOutbox(turn.ConversationId, turn.Language, inbound, reply, inboxId, turn.Business.Name);

    private OutboxItem ToOutbox(string conversationId, string language, Activity inbound, Activity reply, long inboxId, string? botName = null)
    {
        var now = clock.GetUtcNow();
        reply.ChannelId = inbound.ChannelId;
        reply.Conversation ??= inbound.Conversation;
        reply.From ??= inbound.Recipient ?? new ChannelAccount("concierge", botName, "bot");
        reply.From.Role ??= "bot";
        reply.Recipient ??= inbound.From;
        reply.ReplyToId ??= inbound.Id;
        reply.Locale ??= language;
        reply.Timestamp ??= now;
        reply.ServiceUrl ??= inbound.ServiceUrl;
        var at = now.UtcDateTime;
        return new OutboxItem
        {
            ConversationId = conversationId,
            InboxId = inboxId,
            Channel = inbound.ChannelId!,
            ActivityJson = ActivityJson.Serialize(reply),
            CreatedAt = at,
            NextAttemptAt = at,
            Status = OutboxStatus.Pending,
        };
    }

    private async Task<CommitOutcome> CommitAsync(ConciergeDb db, long inboxId, CancellationToken cancellationToken)
    {
        var processedAt = clock.GetUtcNow().UtcDateTime;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var marked = await db.Inbox
                .Where(i => i.Id == inboxId && i.Status == InboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InboxStatus.Processed).SetProperty(i => i.ProcessedAt, processedAt), cancellationToken);
            if (marked == 0)
            {
                // Another instance already answered this message.
                await tx.RollbackAsync(cancellationToken);
                return CommitOutcome.AlreadyProcessed;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                await tx.RollbackAsync(cancellationToken);
                return CommitOutcome.Conflict;
            }

            await tx.CommitAsync(cancellationToken);
            return CommitOutcome.Committed;
        }
    }

    /// <returns>True when the item was given up, so the conversation's later messages may go on.</returns>
    private async Task<bool> RecordFailureAsync(InboxItem item, Activity inbound, Exception error, CancellationToken cancellationToken)
    {
        var attempts = item.Attempts + 1;
        var giveUp = attempts >= _options.MaxTurnAttempts;
        var delay = PipelineOptions.Backoff(_options.TurnRetryDelay, attempts, _options.MaxRetryDelay);
        var now = clock.GetUtcNow().UtcDateTime;
        if (giveUp)
        {
            LogTurnAbandoned(error, item.ConversationId, item.Id, attempts);
        }
        else
        {
            LogTurnFailed(error, item.ConversationId, item.Id, attempts, delay);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.Inbox
                .Where(i => i.Id == item.Id && i.Status == InboxStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Attempts, attempts)
                    .SetProperty(i => i.NextAttemptAt, now + delay)
                    .SetProperty(i => i.LastError, Truncate(error.ToString(), 4000))
                    .SetProperty(i => i.Status, giveUp ? InboxStatus.Failed : InboxStatus.Pending), cancellationToken);
            if (giveUp)
            {
                // The customer hears that something went wrong rather than nothing at all.
                var language = await db.Conversations.Where(c => c.Id == item.ConversationId).Select(c => c.Language).SingleAsync(cancellationToken);
                var apology = MessageFactory.Text(locales.Get(language ?? businesses.Current.DefaultLanguage, RuntimeTexts.TurnFailed));
                db.Outbox.Add(ToOutbox(item.ConversationId, language ?? businesses.Current.DefaultLanguage, inbound, apology, item.Id));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        if (giveUp)
        {
            Dispatcher.Wake();
            return true;
        }

        WakeAt(item.ConversationId, delay);
        return false;
    }

    private void WakeAt(string conversationId, TimeSpan delay)
    {
        var scheduler = services.GetRequiredService<ConversationScheduler>();
        _ = Task.Delay(delay, clock).ContinueWith(_ => scheduler.Notify(conversationId), TaskScheduler.Default);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private enum CommitOutcome
    {
        Committed,
        Conflict,
        AlreadyProcessed,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} changed while turn {InboxId} ran; running it again")]
    private partial void LogConflict(string conversationId, long inboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn {InboxId} of conversation {ConversationId} failed (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogTurnFailed(Exception exception, string conversationId, long inboxId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn {InboxId} of conversation {ConversationId} failed {Attempt} times; it is marked failed for an operator")]
    private partial void LogTurnAbandoned(Exception exception, string conversationId, long inboxId, int attempt);
}
