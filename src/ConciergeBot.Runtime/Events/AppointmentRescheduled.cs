namespace ConciergeBot.Events;

/// <summary>
/// The data of <c>appointment.rescheduled</c>. Times carry the business's offset
/// (<c>2026-12-03T10:00:00+07:00</c>), so the receiver needs no time zone of its own.
/// </summary>
/// <param name="Actor">Who moved it, as the appointment history says: <c>bot</c>, <c>admin</c>, <c>import</c> or a staff member's name.</param>
/// <param name="ConversationId">The conversation in which it was moved; null when it was not moved in a chat.</param>
public sealed record AppointmentRescheduled(
    string Reference,
    Guid AppointmentId,
    Guid CustomerId,
    string ServiceCode,
    string ResourceCode,
    DateTimeOffset PreviousStart,
    DateTimeOffset PreviousEnd,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Reason,
    string Actor,
    string? ConversationId);
