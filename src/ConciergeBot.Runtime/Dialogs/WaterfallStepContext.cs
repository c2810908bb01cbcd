using System.Text.Json.Nodes;
using ConciergeBot.Conversations;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs;

/// <summary>What a waterfall step sees: the previous step's result, the values gathered so far, and the dialog's options.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _waterfall;
    private readonly JsonNode? _options;
    private bool _moved;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, int index, object? result, JsonObject values, JsonNode? options)
    {
        _waterfall = waterfall;
        Dc = dc;
        Index = index;
        Result = result;
        Values = values;
        _options = options;
    }

    public DialogContext Dc { get; }

    public TurnContext Turn => Dc.Turn;

    public int Index { get; }

    /// <summary>What the previous step's prompt or child dialog returned.</summary>
    public object? Result { get; }

    public JsonObject Values { get; }

    public T? Options<T>() => StateJson.FromNode<T>(_options);

    public T? GetValue<T>(string name) => StateJson.FromNode<T>(Values[name]);

    public void SetValue<T>(string name, T value) => Values[name] = StateJson.ToNode(value);

    public string Text(TextKey key, params TextArg[] args) => Turn.Text(key, args);

    /// <summary>Skips to the next step at once, passing <paramref name="result"/> on.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_moved)
        {
            throw new InvalidOperationException($"Step {Index} of '{_waterfall.Id}' already moved on.");
        }

        _moved = true;
        return _waterfall.RunStepAsync(Dc, Index + 1, result, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken = default) =>
        Dc.PromptAsync(promptId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        Dc.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default) =>
        Dc.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        Dc.ReplaceDialogAsync(dialogId, options, cancellationToken);
}
