using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs;

/// <summary>
/// A step of a conversation that can span turns. It is told when it begins, when a message
/// arrives while it is on top of the stack (continue), when a dialog it started ends (resume),
/// and when it should ask its question again (reprompt). Its state is plain data in
/// <see cref="DialogInstance.State"/>, saved with the conversation after every turn.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>Bump when a change makes saved state of older versions meaningless; such a dialog restarts politely.</summary>
    public virtual int Version => 1;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    public virtual Task RepromptAsync(TurnContext turn, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public virtual Task EndAsync(TurnContext turn, DialogInstance instance, DialogEndReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

public enum DialogEndReason
{
    Ended,
    Cancelled,
    Replaced,
}

public enum DialogTurnStatus
{
    /// <summary>Nothing was on the stack.</summary>
    Empty,

    /// <summary>A dialog asked something and waits for the customer.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static DialogTurnResult EndOfTurn { get; } = new(DialogTurnStatus.Waiting);
}
