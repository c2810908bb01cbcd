using ConciergeBot.Conversations;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs;

/// <summary>One turn's view of a dialog stack (the top of the stack is the last item).</summary>
public sealed class DialogContext(DialogSet dialogs, TurnContext turn, List<DialogInstance> stack, DialogContext? parent = null)
{
    public TurnContext Turn { get; } = turn;

    public List<DialogInstance> Stack { get; } = stack;

    public DialogContext? Parent { get; } = parent;

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[^1] : null;

    public Dialog? FindDialog(string id) => dialogs.Find(id) ?? Parent?.FindDialog(id);

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException($"No dialog '{dialogId}' can be started here.");
        Stack.Add(new DialogInstance { Id = dialog.Id, Version = dialog.Version });
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken = default) =>
        BeginDialogAsync(promptId, options, cancellationToken);

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var instance = ActiveDialog;
        if (instance is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var dialog = FindDialog(instance.Id);
        if (IsStale(instance, dialog))
        {
            return Reset();
        }

        return await dialog!.ContinueAsync(this, cancellationToken);
    }

    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogEndReason.Ended, cancellationToken);
        var parentInstance = ActiveDialog;
        if (parentInstance is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        var parentDialog = FindDialog(parentInstance.Id);
        if (IsStale(parentInstance, parentDialog))
        {
            return Reset();
        }

        return await parentDialog!.ResumeAsync(this, result, cancellationToken);
    }

    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogEndReason.Replaced, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await PopAsync(DialogEndReason.Cancelled, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog's question again (after help, or a change of language).</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is { } instance && FindDialog(instance.Id) is { } dialog)
        {
            await dialog.RepromptAsync(Turn, instance, cancellationToken);
        }
    }

    /// <summary>Saved by an older build: the dialog's steps no longer match its state.</summary>
    private static bool IsStale(DialogInstance instance, Dialog? dialog) => dialog is null || dialog.Version != instance.Version;

    private DialogTurnResult Reset()
    {
        Turn.StackWasReset = true;
        Stack.Clear();
        return new DialogTurnResult(DialogTurnStatus.Empty);
    }

    private async Task PopAsync(DialogEndReason reason, CancellationToken cancellationToken)
    {
        var instance = ActiveDialog;
        if (instance is null)
        {
            return;
        }

        Stack.RemoveAt(Stack.Count - 1);
        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndAsync(Turn, instance, reason, cancellationToken);
        }
    }

    /// <summary>Typed access to the active dialog's saved state.</summary>
    public T? GetState<T>(string name) => StateJson.FromNode<T>(ActiveDialog?.State[name]);

    public void SetState<T>(string name, T value) =>
        (ActiveDialog ?? throw new InvalidOperationException("No dialog is active.")).State[name] = StateJson.ToNode(value);
}
