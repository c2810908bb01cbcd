using ConciergeBot.Activities;
using ConciergeBot.Handoff;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Agents;

public sealed record AgentView(Guid Id, string UserName, string DisplayName, string Role, IReadOnlyList<string> Teams, int MaxConcurrent, string Presence, bool Online, bool Disabled)
{
    public static AgentView Of(Agent agent, bool online) => new(
        agent.Id, agent.UserName, agent.DisplayName, AgentAuthentication.RoleName(agent.Role), agent.TeamList(), agent.MaxConcurrent,
        agent.Presence == AgentPresence.Available ? "available" : "away", online, agent.Disabled);
}

/// <summary>A case as the queue and the console list it.</summary>
public sealed record CaseView(
    Guid Id,
    string ConversationId,
    string Status,
    string? CustomerName,
    string Channel,
    string Language,
    string Reason,
    int Priority,
    string Team,
    string Summary,
    DateTimeOffset RequestedAt,
    DateTimeOffset QueuedAt,
    int WaitingSeconds,
    string? Agent,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? ClosedAt,
    string? Outcome)
{
    public static CaseView Of(HandoffCase c, string? agentUserName, DateTimeOffset now) => new(
        c.Id, c.ConversationId, HandoffStatusNames.Of(c.Status), c.CustomerName, c.Channel, c.Language, c.Reason, c.Priority, c.Team, c.Summary,
        Utc(c.RequestedAt), Utc(c.QueuedAt), (int)Math.Max(0, ((c.ClaimedAt ?? now.UtcDateTime) - c.QueuedAt).TotalSeconds), agentUserName,
        c.ClaimedAt is { } claimed ? Utc(claimed) : null, c.ClosedAt is { } closed ? Utc(closed) : null, c.Outcome);

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}

/// <summary>One line of the console's transcript: what the customer, the bot or an agent said, or an internal note.</summary>
/// <param name="From">"customer", "bot", "agent", or "note" (only agents see notes).</param>
public sealed record TranscriptLine(DateTimeOffset At, string From, string? Name, string? Text, IReadOnlyList<AttachmentView> Attachments, string? Delivery, string? Kind = null);

public sealed record AttachmentView(string? Name, string? ContentType, string? Url);

public sealed record CaseDetail(CaseView Case, IReadOnlyList<TranscriptLine> Transcript);

public static class TranscriptLines
{
    public static TranscriptLine From(TranscriptEntry entry)
    {
        var activity = entry.Activity;
        var from = entry.Direction == TranscriptDirection.In ? "customer"
            : activity.From?.Id?.StartsWith("agent:", StringComparison.Ordinal) == true ? "agent"
            : "bot";
        var text = activity.Type == ActivityTypes.Message ? activity.Text : $"[{activity.Type}{(activity.Name is null ? "" : " " + activity.Name)}]";
        var attachments = (activity.Attachments ?? [])
            .Select(a => new AttachmentView(a.Name, a.ContentType, a.ContentUrl))
            .ToList();
        var delivery = entry.Delivery switch
        {
            null => null,
            Storage.OutboxStatus.Pending => "pending",
            Storage.OutboxStatus.Delivered => "delivered",
            _ => "failed",
        };
        return new TranscriptLine(new DateTimeOffset(DateTime.SpecifyKind(entry.At, DateTimeKind.Utc)), from, activity.From?.Name, text, attachments, delivery);
    }

    public static TranscriptLine From(HandoffNote note, string? agentName) => new(
        new DateTimeOffset(DateTime.SpecifyKind(note.At, DateTimeKind.Utc)), "note", agentName, note.Text, [], null,
        note.Kind.ToString().ToLowerInvariant());
}
