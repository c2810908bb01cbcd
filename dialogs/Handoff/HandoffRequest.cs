namespace ConciergeBot.Dialogs.Handoff;

/// <summary>Why the customer is being passed to a person, and what they wanted.</summary>
public sealed record HandoffRequest(string Reason, string? Topic = null, string? Detail = null);

/// <summary>How the handoff dialog ended: with <see cref="AnswerThisMessage"/> the person is gone and the bot answers the message itself.</summary>
public sealed record HandoffEnded(bool AnswerThisMessage);
