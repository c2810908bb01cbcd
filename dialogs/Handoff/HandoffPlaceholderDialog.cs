using ConciergeBot.Conversations;
using ConciergeBot.Pipeline;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Dialogs.Handoff;

/// <summary>
/// Where every request a person must handle goes until the handoff queue exists (the handoff issue
/// replaces this dialog): it tells the customer plainly that the team will reply in this
/// conversation, records why in the conversation's memory and the log, and ends.
/// </summary>
public sealed partial class HandoffPlaceholderDialog(ILogger<HandoffPlaceholderDialog> logger) : Dialog(DialogId)
{
    public const string DialogId = "handoff";
    private const string MemoryKey = "handoffRequested";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var request = options as HandoffRequest ?? new HandoffRequest(EscalationReasons.CustomerAsked);
        var turn = dc.Turn;
        var alreadyAsked = turn.State.Memory[MemoryKey] is not null;
        turn.State.Memory[MemoryKey] = StateJson.ToNode(new { request.Reason, request.Topic, request.Detail, At = turn.Now });
        LogHandoff(turn.ConversationId, request.Reason, request.Topic ?? "-");

        var text = alreadyAsked ? DialogTexts.HandoffPending : request switch
        {
            { Reason: EscalationReasons.RepromptsExhausted } => DialogTexts.HandoffAfterRetries,
            { Topic: HandoffTopics.ReportProblem } => DialogTexts.HandoffReportProblem,
            _ => DialogTexts.HandoffCustomerAsked,
        };
        await turn.SayAsync(text, ("business", turn.Business.Name));
        return await dc.EndDialogAsync(null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} asks for a person ({Reason}, topic {Topic})")]
    private partial void LogHandoff(string conversationId, string reason, string topic);
}
