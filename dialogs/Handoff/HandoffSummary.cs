using System.Text;
using ConciergeBot.Activities;
using ConciergeBot.Customers;
using ConciergeBot.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Dialogs.Handoff;

/// <summary>
/// What the bot already knows, in a few lines for the agent: who the customer is, why the bot stepped
/// back, what they were doing, and their last words, so nobody asks the customer to repeat themselves.
/// </summary>
internal static class HandoffSummary
{
    private const int LastMessages = 5;

    public static async Task<(string Summary, string? CustomerName)> BuildAsync(TurnContext turn, HandoffRequest request, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        string? name = null;
        if (turn.CustomerId is { } id)
        {
            var customer = await turn.Db.Customers.AsNoTracking().Include(c => c.Addresses).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (customer is not null)
            {
                name = customer.DisplayName;
                var phone = customer.Addresses.FirstOrDefault(a => a.Kind == CustomerAddresses.Phone)?.Value;
                text.AppendLine($"Customer: {customer.DisplayName}{(phone is null ? "" : $" ({phone})")}");
            }
        }

        name ??= turn.Activity.From?.Name is { Length: > 0 } shown && shown != turn.Activity.From.Id ? shown : null;
        if (turn.CustomerId is null)
        {
            text.AppendLine(name is null ? "Customer: not identified" : $"Customer: {name} (not identified)");
        }

        text.AppendLine($"Why: {Describe(request.Reason)}{(request.Topic is null ? "" : $", {request.Topic}")}");
        if (request.Detail is { Length: > 0 } detail)
        {
            text.AppendLine($"Doing: {detail}");
        }

        var said = await turn.Db.Inbox.AsNoTracking()
            .Where(i => i.ConversationId == turn.ConversationId)
            .OrderByDescending(i => i.Id)
            .Take(LastMessages + 1)
            .Select(i => i.ActivityJson)
            .ToListAsync(cancellationToken);
        var words = said.Select(ActivityJson.Deserialize)
            .Where(a => a.IsMessage && !string.IsNullOrWhiteSpace(a.Text))
            .Select(a => a.Text!.Trim())
            .Take(LastMessages)
            .Reverse()
            .ToList();
        if (words.Count > 0)
        {
            text.Append("Last said: ").AppendJoin(" / ", words.Select(w => $"\"{Shorten(w)}\""));
        }

        return (text.ToString().TrimEnd(), name);
    }

    private static string Describe(string reason) => reason switch
    {
        EscalationReasons.CustomerAsked => "asked for a person",
        EscalationReasons.RepromptsExhausted => "the bot could not understand the answers",
        EscalationReasons.OutOfScope => "outside what the bot handles",
        EscalationReasons.PolicyRefusal => "the policy does not let the bot do it",
        EscalationReasons.Anger => "the customer is upset",
        EscalationReasons.SeriousProblem => "a serious problem",
        EscalationReasons.TurnFailed => "the bot failed",
        _ => reason,
    };

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
