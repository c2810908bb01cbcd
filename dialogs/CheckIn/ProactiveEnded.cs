namespace ConciergeBot.Dialogs.CheckIn;

/// <summary>
/// A check-in or reminder ended because the customer wrote something that was no answer (or the
/// question had expired): the root dialog answers the message as a new request.
/// </summary>
public sealed record ProactiveEnded;

/// <summary>How a check-in starts: asked by its event, or (<see cref="Answering"/>) answered by a message that came after the conversation went idle.</summary>
public sealed record CheckInStart(Guid CheckInId, bool Answering = false);
