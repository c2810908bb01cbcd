namespace ConciergeBot.CheckIns;

/// <summary>Which bot-initiated contact a row is.</summary>
public enum CheckInKind
{
    /// <summary>"How was everything?" after a completed appointment.</summary>
    Visit = 0,

    /// <summary>A reminder before a booked appointment: confirm, reschedule or a person.</summary>
    Reminder = 1,

    /// <summary>A short satisfaction question after an agent resolved a handoff.</summary>
    Handoff = 2,
}

public enum CheckInStatus
{
    /// <summary>Waiting for its due time.</summary>
    Scheduled = 0,

    /// <summary>Handed to the customer's conversation (an event in its inbox); the question is on its way.</summary>
    Started = 1,

    /// <summary>The channel accepted the question; waiting for an answer.</summary>
    Sent = 2,

    Answered = 3,

    /// <summary>No answer in time: closed without a word to the customer.</summary>
    Expired = 4,

    /// <summary>Not sent, on purpose (opted out, frequency cap, no conversation, appointment changed): see the reason.</summary>
    Skipped = 5,

    /// <summary>The channel refused the question: never counted as sent.</summary>
    Failed = 6,

    /// <summary>There was nowhere to send it (the customer never wrote to us on a channel we can answer on): see the reason.</summary>
    Undeliverable = 7,
}

/// <summary>
/// One contact the bot starts itself. This row is the truth: Hangfire only wakes the sweep that
/// reads it, and a conditional update of <see cref="Status"/> in the same transaction that stages
/// the conversation's event makes sure no instance starts it twice.
/// </summary>
public sealed class CheckIn
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public CheckInKind Kind { get; set; }

    public Guid? CustomerId { get; set; }

    public Guid? AppointmentId { get; set; }

    /// <summary>The appointment's start the row is about: a reminder is for one time, and a move brings a new one.</summary>
    public DateTime? AppointmentStart { get; set; }

    public Guid? HandoffCaseId { get; set; }

    /// <summary>Where it was (or is to be) asked: known at once for a handoff, chosen when due otherwise.</summary>
    public string? ConversationId { get; set; }

    public CheckInStatus Status { get; set; }

    public DateTime DueAt { get; set; }

    /// <summary>How often it was handed to a conversation.</summary>
    public int Attempts { get; set; }

    public DateTime? StartedAt { get; set; }

    /// <summary>After this an unanswered question closes quietly.</summary>
    public DateTime? ExpiresAt { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>1 to 5, for a satisfaction question.</summary>
    public int? Score { get; set; }

    /// <summary>A reminder's answer: <see cref="ReminderOutcomes"/>.</summary>
    public string? Outcome { get; set; }

    /// <summary>Why it was skipped, or the channel's error when it failed.</summary>
    public string? Reason { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Bumped by every change: the sweep and a turn cannot both win.</summary>
    public long Version { get; set; }

    public bool IsOpen => Status is CheckInStatus.Started or CheckInStatus.Sent;
}

public static class ReminderOutcomes
{
    public const string Confirmed = "confirmed";
    public const string Reschedule = "reschedule";
    public const string Person = "person";
}
