using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs;

/// <summary>
/// A dialog made of other dialogs, with its own inner stack kept in its instance. Override
/// <see cref="OnContinueDialogAsync"/> to look at every message first (interruptions).
/// </summary>
public abstract class ComponentDialog(string id) : Dialog(id)
{
    private readonly DialogSet _dialogs = new();

    protected string? InitialDialogId { get; set; }

    protected ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var inner = InnerContext(dc);
        var result = await OnBeginDialogAsync(inner, options, cancellationToken);
        return await FinishAsync(dc, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var inner = InnerContext(dc);
        var result = await OnContinueDialogAsync(inner, cancellationToken);
        if (dc.Turn.StackWasReset)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        return await FinishAsync(dc, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        await RepromptAsync(dc.Turn, dc.ActiveDialog!, cancellationToken);
        return DialogTurnResult.EndOfTurn;
    }

    public override Task RepromptAsync(TurnContext turn, DialogInstance instance, CancellationToken cancellationToken) =>
        InnerContext(turn, instance).RepromptDialogAsync(cancellationToken);

    public override async Task EndAsync(TurnContext turn, DialogInstance instance, DialogEndReason reason, CancellationToken cancellationToken)
    {
        if (reason == DialogEndReason.Cancelled)
        {
            await InnerContext(turn, instance).CancelAllDialogsAsync(cancellationToken);
        }
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext inner, object? options, CancellationToken cancellationToken) =>
        inner.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"The component '{Id}' has no dialogs."), options, cancellationToken);

    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext inner, CancellationToken cancellationToken) =>
        inner.ContinueDialogAsync(cancellationToken);

    /// <summary>Ends the component once its inner stack has nothing left waiting.</summary>
    protected virtual Task<DialogTurnResult> FinishAsync(DialogContext outer, DialogTurnResult inner, CancellationToken cancellationToken) =>
        inner.Status == DialogTurnStatus.Waiting
            ? Task.FromResult(DialogTurnResult.EndOfTurn)
            : outer.EndDialogAsync(inner.Result, cancellationToken);

    private DialogContext InnerContext(DialogContext outer)
    {
        var instance = outer.ActiveDialog ?? throw new InvalidOperationException($"The component '{Id}' is not on the stack.");
        instance.Inner ??= [];
        return new DialogContext(_dialogs, outer.Turn, instance.Inner, outer);
    }

    private DialogContext InnerContext(TurnContext turn, DialogInstance instance)
    {
        instance.Inner ??= [];
        return new DialogContext(_dialogs, turn, instance.Inner);
    }
}
