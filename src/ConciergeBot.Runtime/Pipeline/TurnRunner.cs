using ConciergeBot.Activities;
using ConciergeBot.Conversations;
using ConciergeBot.Customers;
using ConciergeBot.Localization;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Pipeline;

/// <summary>
/// Processes a conversation's pending inbox items in order. A turn's new state, its outgoing
/// activities, whatever its dialogs changed and the inbox mark commit together, guarded by the
/// conversation's version: if another instance committed first, this turn is thrown away and run
/// again on fresh state.
/// </summary>
public sealed partial class TurnRunner(
    DatabaseConnections connections,
    DatabaseWriter writer,
    TurnDbFactory turnDbs,
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

    private const string MarkProcessed = """UPDATE "Inbox" SET "Status" = 1, "ProcessedAt" = @at WHERE "Id" = @id AND "Status" = 0""";

    private const string SaveConversation = """
        UPDATE "Conversations" SET "StateJson" = @state, "Language" = @language, "CustomerId" = @customer, "LastActivityAt" = @at, "Version" = "Version" + 1
        WHERE "Id" = @id AND "Version" = @version
        """;

    private const string InsertOutbox = """
        INSERT INTO "Outbox" ("ConversationId", "InboxId", "Channel", "ActivityJson", "CreatedAt", "Status", "Attempts", "NextAttemptAt")
        VALUES (@conversation, @inbox, @channel, @json, @at, 0, 0, @at)
        RETURNING "Id"
        """;

    // Kept as delivered, so the conversation's transcript and its delivery record read as they would after the dispatcher.
    private const string InsertDelivered = """
        INSERT INTO "Outbox" ("ConversationId", "InboxId", "Channel", "ActivityJson", "CreatedAt", "Status", "Attempts", "NextAttemptAt", "DeliveredAt", "ChannelMessageId")
        VALUES (@conversation, @inbox, @channel, @json, @at, 1, 1, @at, @at, @channelMessageId)
        RETURNING "Id"
        """;

    // The conversation's undelivered rows (few, whatever the outbox's size): the unary plus keeps SQLite
    // on the status index rather than walking every row the conversation ever sent.
    private const string AnyUndelivered = """
        SELECT 1 FROM "Outbox" WHERE "Status" = 0 AND +"ConversationId" = @conversation LIMIT 1
        """;

    private readonly PipelineOptions _options = options.Value;
    private ITurnHandler? _handler;
    private OutboxDispatcher? _dispatcher;
    private Dictionary<string, ITranscriptChannel>? _transcripts;

    // Resolved on first use: the handler's dialogs, the dispatcher and the channels are built after the pipeline.
    private ITurnHandler Handler => _handler ??= services.GetRequiredService<ITurnHandler>();

    private OutboxDispatcher Dispatcher => _dispatcher ??= services.GetRequiredService<OutboxDispatcher>();

    private Dictionary<string, ITranscriptChannel> Transcripts => _transcripts ??=
        services.GetServices<IChannelAdapter>().OfType<ITranscriptChannel>().ToDictionary(c => c.ChannelId, StringComparer.Ordinal);

    public async Task RunPendingAsync(string conversationId, CancellationToken cancellationToken)
    {
        // Kept across the turns of one drain: after a commit its new version is known without a read.
        PipelineRows.Conversation? conversation = null;
        while (true)
        {
            List<PipelineRows.PendingInbound> batch;
            await using (var read = await connections.OpenAsync(cancellationToken))
            {
                batch = PipelineRows.PendingInbox(read, conversationId, BatchSize);
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

                (var goOn, conversation) = await RunTurnAsync(conversationId, item, conversation, cancellationToken);
                if (!goOn)
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

    /// <returns>Whether later items may go on, and the conversation as it is after this turn (null: read it again).</returns>
    private async Task<(bool GoOn, PipelineRows.Conversation? Conversation)> RunTurnAsync(
        string conversationId, PipelineRows.PendingInbound item, PipelineRows.Conversation? conversation, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Conversation {ConversationId}", conversationId);
        Activity? activity = null;
        var refused = false;
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            TurnContext? turn = null;
            try
            {
                if (conversation is null)
                {
                    await using var read = await connections.OpenAsync(cancellationToken);
                    conversation = PipelineRows.ConversationOf(read, conversationId);
                }

                activity = ActivityJson.Deserialize(item.ActivityJson);
                turn = await CreateTurnAsync(conversationId, conversation, activity, new TurnWrites(joinable: !refused), cancellationToken);
                await Handler.HandleAsync(turn, cancellationToken);

                var replies = turn.Outgoing.Select(a => Address(a, activity, turn.Language, turn.Business.Name, turn.Now)).ToList();
                var outgoing = new Outgoing(activity.ChannelId!, replies, [.. replies.Select(ActivityJson.Serialize)], Transcripts.GetValueOrDefault(activity.ChannelId!));
                var saved = conversation with
                {
                    CustomerId = turn.CustomerId,
                    Language = turn.Language,
                    StateJson = turn.State.Serialize(),
                    LastActivityAt = turn.Now.UtcDateTime,
                    Version = conversation.Version + 1,
                };
                var before = conversation;
                var committing = turn;
                var sent = await writer.WriteAsync((c, tx) => Commit(c, tx, conversationId, item.Id, before, saved, outgoing, committing), cancellationToken);
                if (sent is null)
                {
                    // Another instance already answered this message.
                    return (true, null);
                }

                turn.Writes.Committed();
                events.Raise(new TurnCommitted(conversationId, item.Id, sent.OutboxIds, turn.HandoffAtStart, turn.State.Handoff));
                Announce(conversationId, outgoing, sent);
                return (true, saved);
            }
            catch (VersionConflictException)
            {
                LogConflict(conversationId, item.Id);
                conversation = null;
            }
            catch (JoinedWriteRefusedException)
            {
                LogJoinedWriteRefused(conversationId, item.Id);
                refused = true;
                conversation = null;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever broke (a dialog, unreadable state, a constraint at commit) is retried with
                // backoff and, in the end, marked failed, so the conversation's later messages go on.
                return (await RecordFailureAsync(conversationId, item, activity, ex, cancellationToken), null);
            }
            finally
            {
                turn?.DbIfUsed?.Dispose();
            }
        }

        var busy = new InvalidOperationException($"Conversation {conversationId} kept changing under turn {item.Id}.");
        return (await RecordFailureAsync(conversationId, item, activity, busy, cancellationToken), null);
    }

    /// <returns>The new outbox rows, or null when the inbox item had already been processed.</returns>
    private Sent? Commit(
        SqliteConnection connection, SqliteTransaction transaction, string conversationId, long inboxId,
        PipelineRows.Conversation before, PipelineRows.Conversation after, Outgoing outgoing, TurnContext turn)
    {
        var at = after.LastActivityAt!.Value;
        if (Sql.Kept(connection, transaction, MarkProcessed, ("@id", inboxId), ("@at", at)).ExecuteNonQuery() == 0)
        {
            return null;
        }

        if (Sql.Kept(connection, transaction, SaveConversation,
            ("@state", after.StateJson), ("@language", after.Language), ("@customer", after.CustomerId), ("@at", at), ("@id", conversationId), ("@version", before.Version))
            .ExecuteNonQuery() == 0)
        {
            throw new VersionConflictException();
        }

        if (turn.Writes.Any && !turn.Writes.Run(connection, transaction))
        {
            throw new JoinedWriteRefusedException();
        }

        var sent = new Sent(new List<long>(outgoing.Json.Count), []);
        // A proactive message or a retry still waiting goes first: these replies then wait behind it in the outbox.
        var direct = outgoing.Transcript is not null && outgoing.Json.Count > 0
            && Sql.Kept(connection, transaction, AnyUndelivered, ("@conversation", conversationId)).ExecuteScalar() is null;
        for (var i = 0; i < outgoing.Json.Count; i++)
        {
            var appended = direct ? outgoing.Transcript!.Append(connection, transaction, outgoing.Replies[i]) : null;
            direct = appended is not null;
            var insert = appended is not null
                ? Sql.Kept(connection, transaction, InsertDelivered, ("@conversation", conversationId), ("@inbox", inboxId), ("@channel", outgoing.Channel),
                    ("@json", outgoing.Json[i]), ("@at", at), ("@channelMessageId", appended.ChannelMessageId))
                : Sql.Kept(connection, transaction, InsertOutbox, ("@conversation", conversationId), ("@inbox", inboxId), ("@channel", outgoing.Channel),
                    ("@json", outgoing.Json[i]), ("@at", at));
            sent.OutboxIds.Add((long)insert.ExecuteScalar()!);
            if (appended is not null)
            {
                sent.Appended.Add(appended);
            }
        }

        if (turn.DbIfUsed is { } db && db.ChangeTracker.HasChanges())
        {
            // What the dialogs changed commits in this same transaction, or not at all.
            db.Database.SetDbConnection(connection, contextOwnsConnection: false);
            db.Database.UseTransaction(transaction);
            db.SaveChanges();
        }

        return sent;
    }

    /// <summary>After the commit: the replies appended to a transcript were delivered by it; the others wait for the dispatcher.</summary>
    private void Announce(string conversationId, Outgoing outgoing, Sent sent)
    {
        for (var i = 0; i < sent.Appended.Count; i++)
        {
            events.Raise(new DeliveryFinished(conversationId, sent.OutboxIds[i], DeliveryOutcome.Delivered));
            outgoing.Transcript!.Appended(sent.Appended[i]);
        }

        if (sent.OutboxIds.Count > sent.Appended.Count)
        {
            Dispatcher.Wake();
        }
    }

    private async Task<TurnContext> CreateTurnAsync(
        string conversationId, PipelineRows.Conversation conversation, Activity activity, TurnWrites writes, CancellationToken cancellationToken)
    {
        var business = businesses.Current;
        var customerId = conversation.CustomerId;
        string? customerLanguage = null;
        if (customerId is null && conversation.Version == 0)
        {
            var (kind, value) = CustomerAddresses.FromChannel(conversation.Channel, conversation.UserAddress);
            await using var read = await connections.OpenAsync(cancellationToken);
            if (PipelineRows.CustomerByAddress(read, kind, value) is { } known)
            {
                (customerId, customerLanguage) = known;
            }
        }

        var language = conversation.Language
            ?? customerLanguage
            ?? Languages.FromLocale(activity.Locale)
            ?? business.DefaultLanguage;
        DateTimeOffset? previous = conversation.LastActivityAt is { } last ? new DateTimeOffset(last, TimeSpan.Zero) : null;
        return new TurnContext(activity, conversationId, ConversationState.Deserialize(conversation.StateJson),
            language, customerId, previous, business, locales, turnDbs.Create, clock, writes);
    }

    /// <summary>A reply goes back where the message came from, from the bot, to the customer.</summary>
    private static Activity Address(Activity reply, Activity inbound, string language, string botName, DateTimeOffset now)
    {
        reply.ChannelId = inbound.ChannelId;
        reply.Conversation ??= inbound.Conversation;
        reply.From ??= inbound.Recipient ?? new ChannelAccount("concierge", botName, "bot");
        reply.From.Role ??= "bot";
        reply.Recipient ??= inbound.From;
        reply.ReplyToId ??= inbound.Id;
        reply.Locale ??= language;
        reply.Timestamp ??= now;
        reply.ServiceUrl ??= inbound.ServiceUrl;
        return reply;
    }

    /// <returns>True when the item was given up, so the conversation's later messages may go on.</returns>
    private async Task<bool> RecordFailureAsync(string conversationId, PipelineRows.PendingInbound item, Activity? inbound, Exception error, CancellationToken cancellationToken)
    {
        var attempts = item.Attempts + 1;
        var giveUp = attempts >= _options.MaxTurnAttempts;
        var delay = PipelineOptions.Backoff(_options.TurnRetryDelay, attempts, _options.MaxRetryDelay);
        var now = clock.GetUtcNow();
        if (giveUp)
        {
            LogTurnAbandoned(error, conversationId, item.Id, attempts);
        }
        else
        {
            LogTurnFailed(error, conversationId, item.Id, attempts, delay);
        }

        var business = businesses.Current;
        await writer.WriteAsync((connection, transaction) =>
        {
            using (var update = Sql.Command(connection, transaction, """
                UPDATE "Inbox" SET "Attempts" = @attempts, "NextAttemptAt" = @next, "LastError" = @error, "Status" = @status
                WHERE "Id" = @id AND "Status" = 0
                """, ("@attempts", attempts), ("@next", (now + delay).UtcDateTime), ("@error", Truncate(error.ToString(), 4000)),
                ("@status", giveUp ? InboxStatus.Failed : InboxStatus.Pending), ("@id", item.Id)))
            {
                if (update.ExecuteNonQuery() == 0)
                {
                    // Another instance answered it meanwhile: nothing to record, nobody to apologise to.
                    return false;
                }
            }

            // A message that cannot even be read cannot be answered.
            if (giveUp && inbound is not null)
            {
                // The customer hears that something went wrong rather than nothing at all.
                using var read = Sql.Command(connection, transaction, """SELECT "Language" FROM "Conversations" WHERE "Id" = @id""", ("@id", conversationId));
                var language = read.ExecuteScalar() as string ?? business.DefaultLanguage;
                var apology = Address(MessageFactory.Text(locales.Get(language, RuntimeTexts.TurnFailed)), inbound, language, business.Name, now);
                using var insert = Sql.Command(connection, transaction, InsertOutbox,
                    ("@conversation", conversationId), ("@inbox", item.Id), ("@channel", inbound.ChannelId), ("@json", ActivityJson.Serialize(apology)), ("@at", now.UtcDateTime));
                insert.ExecuteScalar();
            }

            return true;
        }, cancellationToken);

        if (giveUp)
        {
            Dispatcher.Wake();
            return true;
        }

        WakeAt(conversationId, delay);
        return false;
    }

    private void WakeAt(string conversationId, TimeSpan delay)
    {
        var scheduler = services.GetRequiredService<ConversationScheduler>();
        _ = Task.Delay(delay, clock).ContinueWith(_ => scheduler.Notify(conversationId), TaskScheduler.Default);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <param name="Transcript">The channel's transcript when replies may be appended in the commit.</param>
    private sealed record Outgoing(string Channel, List<Activity> Replies, List<string> Json, ITranscriptChannel? Transcript);

    /// <param name="Appended">What went into the transcript in the commit: the first rows' replies, delivered.</param>
    private sealed record Sent(List<long> OutboxIds, List<TranscriptAppend> Appended);

    private sealed class VersionConflictException() : Exception("The conversation changed since it was read.");

    private sealed class JoinedWriteRefusedException() : Exception("A write joined to the turn no longer held at commit.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} changed while turn {InboxId} ran; running it again")]
    private partial void LogConflict(string conversationId, long inboxId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId}: a write joined to turn {InboxId} no longer held when it committed (a slot taken meanwhile); running the turn again")]
    private partial void LogJoinedWriteRefused(string conversationId, long inboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn {InboxId} of conversation {ConversationId} failed (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogTurnFailed(Exception exception, string conversationId, long inboxId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn {InboxId} of conversation {ConversationId} failed {Attempt} times; it is marked failed for an operator")]
    private partial void LogTurnAbandoned(Exception exception, string conversationId, long inboxId, int attempt);
}
