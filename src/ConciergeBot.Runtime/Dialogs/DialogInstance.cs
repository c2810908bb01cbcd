using System.Text.Json.Nodes;

namespace ConciergeBot.Dialogs;

/// <summary>A dialog on the stack: which dialog, which version of it, and its own state.</summary>
public sealed class DialogInstance
{
    public required string Id { get; set; }

    public int Version { get; set; } = 1;

    public JsonObject State { get; set; } = [];

    /// <summary>The stack of a component dialog's inner dialogs.</summary>
    public List<DialogInstance>? Inner { get; set; }
}
