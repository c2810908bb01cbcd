using System.Globalization;
using System.Text;
using ConciergeBot.Activities;
using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>
/// A Direct Line conversation's activities as its clients read them, numbered from 1: the number is
/// the watermark, and an activity's id is "{conversation}|{number}". The customer's message is stored
/// (echoed) and handed to the turn pipeline in one commit, so what the client sees as sent is what
/// the bot answers.
/// </summary>
public sealed class DirectLineTranscript(DatabaseWriter writer, DatabaseConnections connections, TurnIngress ingress, DirectLineSignals signals, TimeProvider clock) : IDisposable
{
    public const string ChannelId = "webchat";

    private const string NextSequence = """
        SELECT COALESCE(MAX("Sequence"), 0) + 1 FROM "ChannelActivities" WHERE "Channel" = @channel AND "ConversationId" = @conversation
        """;

    private const string Insert = """
        INSERT INTO "ChannelActivities" ("Channel", "ConversationId", "Sequence", "ClientActivityId", "ActivityJson", "CreatedAt")
        VALUES (@channel, @conversation, @sequence, @client, @json, @at)
        """;

    private const string ConversationExists = """
        SELECT 1 FROM "ChannelConversations" WHERE "Channel" = @channel AND "Id" = @id
        """;

    private const string ActivitiesAfter = """
        SELECT "Sequence", "ActivityJson" FROM "ChannelActivities"
        WHERE "Channel" = @channel AND "ConversationId" = @conversation AND "Sequence" > @watermark
        ORDER BY "Sequence" LIMIT 200
        """;

    /// <summary>Conversations known to exist: every request names one, and they are never deleted.</summary>
    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <returns>True when the conversation is new.</returns>
    public async Task<bool> StartAsync(string conversationId, string? userId, CancellationToken cancellationToken)
    {
        var created = await writer.WriteAsync((connection, transaction) =>
        {
            using var insert = Sql.Command(connection, transaction, """
                INSERT INTO "ChannelConversations" ("Channel", "Id", "UserId", "CreatedAt") VALUES (@channel, @id, @user, @at)
                ON CONFLICT DO NOTHING
                """, ("@channel", ChannelId), ("@id", conversationId), ("@user", userId), ("@at", clock.GetUtcNow().UtcDateTime));
            return insert.ExecuteNonQuery() == 1;
        }, cancellationToken);
        Remember(conversationId);
        return created;
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(conversationId, out _))
        {
            return true;
        }

        await using var read = await connections.OpenAsync(cancellationToken);
        if (read.Scalar(ConversationExists, ("@channel", ChannelId), ("@id", conversationId)) is null)
        {
            return false;
        }

        Remember(conversationId);
        return true;
    }

    private void Remember(string conversationId) =>
        _known.Set(conversationId, true, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });

    /// <summary>
    /// Stores the customer's activity with its server id and timestamp and queues it for the bot.
    /// A resend of the same client activity (same clientActivityID) gets the first one's id back.
    /// </summary>
    public async Task<string> PostAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var clientId = activity.ChannelData?["clientActivityID"]?.GetValue<string>();
        var (id, staged, stored) = await writer.WriteAsync((connection, transaction) =>
        {
            if (clientId is not null && Existing(connection, transaction, conversationId, clientId) is { } earlier)
            {
                return (earlier, (InboundResult?)null, (StoredActivity?)null);
            }

            var sequence = Next(connection, transaction, conversationId);
            var now = clock.GetUtcNow();
            activity.Id = ActivityId(conversationId, sequence);
            activity.Timestamp = now;
            activity.ChannelId = ChannelId;
            activity.Conversation = new ConversationAccount(conversationId);
            activity.From!.Role ??= "user";
            var echo = Append(connection, transaction, conversationId, sequence, clientId, activity, now);
            return (activity.Id, ingress.Stage(connection, transaction, activity), echo);
        }, cancellationToken);

        if (staged is not null)
        {
            ingress.Started(staged, activity);
            signals.Stored(stored!);
            signals.Typing(conversationId);
        }

        return id;
    }

    /// <summary>Stores a bot activity (the outbox delivering it) and wakes the conversation's streams.</summary>
    public async Task<string> AppendBotAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var stored = await writer.WriteAsync((connection, transaction) => AppendBot(connection, transaction, conversationId, activity), cancellationToken);
        signals.Stored(stored);
        return stored.ChannelMessageId;
    }

    /// <summary>Stores a bot activity inside the caller's write; <see cref="DirectLineSignals.Stored"/> once it has committed.</summary>
    public StoredActivity AppendBot(SqliteConnection connection, SqliteTransaction transaction, string conversationId, Activity activity)
    {
        var sequence = Next(connection, transaction, conversationId);
        activity.Id = ActivityId(conversationId, sequence);
        activity.Timestamp ??= clock.GetUtcNow();
        return Append(connection, transaction, conversationId, sequence, null, activity, clock.GetUtcNow());
    }

    /// <summary>The activities after <paramref name="watermark"/> as a Direct Line ActivitySet, written straight from the stored JSON.</summary>
    public async Task<(string Json, long Watermark, int Count)> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var json = new StringBuilder("{\"activities\":[");
        var last = watermark;
        var count = 0;
        await using (var read = await connections.OpenAsync(cancellationToken))
        {
            read.Each(ActivitiesAfter, r =>
            {
                json.Append(count++ == 0 ? "" : ",").Append(r.GetString(1));
                last = r.GetInt64(0);
            }, ("@channel", ChannelId), ("@conversation", conversationId), ("@watermark", watermark));
        }

        json.Append("],\"watermark\":\"").Append(last.ToString(CultureInfo.InvariantCulture)).Append("\"}");
        return (json.ToString(), last, count);
    }

    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    private static string? Existing(SqliteConnection connection, SqliteTransaction transaction, string conversationId, string clientId)
    {
        var find = Sql.Kept(connection, transaction, """
            SELECT "Sequence" FROM "ChannelActivities" WHERE "Channel" = @channel AND "ConversationId" = @conversation AND "ClientActivityId" = @client
            """, ("@channel", ChannelId), ("@conversation", conversationId), ("@client", clientId));
        return find.ExecuteScalar() is long sequence ? ActivityId(conversationId, sequence) : null;
    }

    private static long Next(SqliteConnection connection, SqliteTransaction transaction, string conversationId) =>
        (long)Sql.Kept(connection, transaction, NextSequence, ("@channel", ChannelId), ("@conversation", conversationId)).ExecuteScalar()!;

    private static StoredActivity Append(
        SqliteConnection connection, SqliteTransaction transaction, string conversationId, long sequence, string? clientId, Activity activity, DateTimeOffset now)
    {
        var json = ActivityJson.Serialize(activity);
        Sql.Kept(connection, transaction, Insert,
            ("@channel", ChannelId), ("@conversation", conversationId), ("@sequence", sequence), ("@client", clientId), ("@json", json), ("@at", now.UtcDateTime))
            .ExecuteNonQuery();
        return new StoredActivity(conversationId, sequence, json);
    }

    public void Dispose() => _known.Dispose();
}
