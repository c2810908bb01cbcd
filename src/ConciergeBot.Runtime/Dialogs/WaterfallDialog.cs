using System.Text.Json.Nodes;
using ConciergeBot.Conversations;

namespace ConciergeBot.Dialogs;

public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

/// <summary>
/// A fixed sequence of steps; each asks something (and waits), moves on, or ends. Its state keeps
/// the step it is on, the values gathered so far and the options it was started with.
/// </summary>
public sealed class WaterfallDialog(string id, IReadOnlyList<WaterfallStep> steps, int version = 1) : Dialog(id)
{
    private const string StepKey = "step";
    private const string ValuesKey = "values";
    private const string OptionsKey = "options";

    public override int Version => version;

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options is JsonNode node ? node.DeepClone() : StateJson.ToNode(options);
        state[ValuesKey] = new JsonObject();
        return RunStepAsync(dc, 0, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.Turn.Activity.IsMessage
            ? ResumeAsync(dc, dc.Turn.Activity.Text, cancellationToken)
            : Task.FromResult(DialogTurnResult.EndOfTurn);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        var index = dc.ActiveDialog!.State[StepKey]?.GetValue<int>() ?? 0;
        return RunStepAsync(dc, index + 1, result, cancellationToken);
    }

    internal Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            return dc.EndDialogAsync(result, cancellationToken);
        }

        var state = dc.ActiveDialog!.State;
        state[StepKey] = index;
        var values = state[ValuesKey] as JsonObject ?? [];
        state[ValuesKey] = values;
        var step = new WaterfallStepContext(this, dc, index, result, values, state[OptionsKey]);
        return steps[index](step, cancellationToken);
    }
}
