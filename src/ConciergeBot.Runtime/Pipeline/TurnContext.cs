using ConciergeBot.Activities;
using ConciergeBot.Conversations;
using ConciergeBot.Localization;
using ConciergeBot.Storage;

namespace ConciergeBot.Pipeline;

/// <summary>
/// One turn: the activity that arrived, the conversation's state, and what the bot says back.
/// Nothing said here leaves before the turn commits; then it all goes to the outbox at once (or, on
/// a channel that is a transcript in the database, into that transcript in the same commit).
/// </summary>
public sealed class TurnContext
{
    private readonly List<Activity> _outgoing = [];
    private readonly LocaleCatalog _locales;
    private readonly Lazy<ConciergeDb> _db;

    internal TurnContext(
        Activity activity,
        string conversationId,
        ConversationState state,
        string language,
        Guid? customerId,
        DateTimeOffset? previousActivityAt,
        BusinessProfile business,
        LocaleCatalog locales,
        Func<ConciergeDb> openDb,
        TimeProvider clock,
        TurnWrites writes)
    {
        Activity = activity;
        ConversationId = conversationId;
        State = state;
        HandoffAtStart = state.Handoff;
        Language = language;
        CustomerId = customerId;
        PreviousActivityAt = previousActivityAt;
        Business = business;
        _locales = locales;
        _db = new Lazy<ConciergeDb>(openDb, LazyThreadSafetyMode.None);
        Clock = clock;
        Writes = writes;
    }

    public Activity Activity { get; }

    public string ConversationId { get; }

    public string Channel => Activity.ChannelId!;

    public ConversationState State { get; }

    /// <summary>The open handoff case when the turn began.</summary>
    internal Guid? HandoffAtStart { get; }

    /// <summary>The conversation's language ("en" or "id"); changing it changes every later sentence.</summary>
    public string Language { get; set; }

    public Guid? CustomerId { get; set; }

    /// <summary>When the customer last wrote before this turn, or null on the first turn.</summary>
    public DateTimeOffset? PreviousActivityAt { get; }

    public BusinessProfile Business { get; }

    /// <summary>The turn's unit of work: what a dialog changes here commits with the turn, or not at all.</summary>
    public ConciergeDb Db => _db.Value;

    /// <summary>The turn's unit of work if a dialog used it, for the commit; most turns never touch it.</summary>
    internal ConciergeDb? DbIfUsed => _db.IsValueCreated ? _db.Value : null;

    /// <summary>Checked writes that commit with the turn (a slot held, an appointment moved) instead of on their own.</summary>
    public TurnWrites Writes { get; }

    public TimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public IReadOnlyList<Activity> Outgoing => _outgoing;

    /// <summary>Set when a dialog decides a person must take over; the root dialog acts on it.</summary>
    public Escalation? Escalation { get; private set; }

    /// <summary>Set when a saved dialog no longer matches the code (a deploy changed it).</summary>
    public bool StackWasReset { get; internal set; }

    public string Text(TextKey key, params TextArg[] args) => _locales.Get(Language, key, args);

    public Task SendAsync(Activity activity)
    {
        _outgoing.Add(activity);
        return Task.CompletedTask;
    }

    public Task SayAsync(TextKey key, params TextArg[] args) => SendAsync(MessageFactory.Text(Text(key, args)));

    public void RequestEscalation(Escalation escalation) => Escalation ??= escalation;

    /// <summary>Takes the pending escalation for handling, so it is handled once.</summary>
    public Escalation? TakeEscalation()
    {
        var escalation = Escalation;
        Escalation = null;
        return escalation;
    }
}

/// <summary>Why a person should take over, and what the bot already knows.</summary>
public sealed record Escalation(string Reason, string? Detail = null);

public static class EscalationReasons
{
    public const string CustomerAsked = "customer-asked";
    public const string RepromptsExhausted = "reprompts-exhausted";
    public const string OutOfScope = "out-of-scope";
    public const string TurnFailed = "turn-failed";
    public const string PolicyRefusal = "policy-refusal";

    /// <summary>The customer is angry again and again: a person should calm things down.</summary>
    public const string Anger = "anger";

    /// <summary>A problem report the business treats as serious (safety, damage, a repeat problem).</summary>
    public const string SeriousProblem = "serious-problem";
}
