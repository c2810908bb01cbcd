namespace ConciergeBot.Handoff;

/// <summary>The payload of every <c>handoff.*</c> business event: the case as it is after the change.</summary>
public sealed record HandoffEvent(
    Guid CaseId,
    string ConversationId,
    string Channel,
    Guid? CustomerId,
    string Language,
    string Reason,
    int Priority,
    string Team,
    string Status,
    string? Agent,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? ClosedAt,
    string? Outcome)
{
    public static HandoffEvent Of(HandoffCase c, string? agentUserName) => new(
        c.Id, c.ConversationId, c.Channel, c.CustomerId, c.Language, c.Reason, c.Priority, c.Team,
        HandoffStatusNames.Of(c.Status), agentUserName,
        Utc(c.RequestedAt), c.ClaimedAt is { } claimed ? Utc(claimed) : null, c.ClosedAt is { } closed ? Utc(closed) : null, c.Outcome);

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}

public static class HandoffEventTypes
{
    public const string Requested = "handoff.requested";
    public const string Claimed = "handoff.claimed";
    public const string Transferred = "handoff.transferred";
    public const string Resolved = "handoff.resolved";
    public const string HandedBack = "handoff.handed-back";
    public const string Withdrawn = "handoff.withdrawn";
}

public static class HandoffStatusNames
{
    public static string Of(HandoffStatus status) => status switch
    {
        HandoffStatus.Waiting => "waiting",
        HandoffStatus.Active => "active",
        HandoffStatus.Resolved => "resolved",
        HandoffStatus.HandedBack => "handed-back",
        HandoffStatus.Withdrawn => "withdrawn",
        _ => status.ToString().ToLowerInvariant(),
    };
}
