namespace ConciergeBot.Dialogs.CheckIn;

/// <summary>
/// How a check-in or reminder ended. With <see cref="AnswerThisMessage"/> the customer wrote
/// something that was no answer (or the question had expired): the root dialog answers it as a new request.
/// </summary>
public sealed record ProactiveEnded(bool AnswerThisMessage);

/// <summary>How a check-in starts: asked by its event, or (<see cref="Answering"/>) answered by a message that came after the conversation went idle.</summary>
public sealed record CheckInStart(Guid CheckInId, bool Answering = false);
