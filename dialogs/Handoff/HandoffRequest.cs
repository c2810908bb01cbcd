namespace ConciergeBot.Dialogs.Handoff;

/// <summary>Why the customer is being passed to a person, and what they wanted.</summary>
public sealed record HandoffRequest(string Reason, string? Topic = null, string? Detail = null);

public static class HandoffTopics
{
    public const string ReportProblem = "report-problem";
}
