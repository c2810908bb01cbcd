using ConciergeBot.Localization;

namespace ConciergeBot.Handoff;

/// <summary>What the customer hears about the queue and the people in it, whatever dialog is running.</summary>
public static class HandoffTexts
{
    public static readonly TextKey Ahead = new("handoff.ahead");
    public static readonly TextKey AheadOne = new("handoff.aheadOne");
    public static readonly TextKey Next = new("handoff.next");
    public static readonly TextKey Wait = new("handoff.wait");
    public static readonly TextKey NobodyFree = new("handoff.nobodyFree");
    public static readonly TextKey Closed = new("handoff.closed");
    public static readonly TextKey ClosedNoOpening = new("handoff.closedNoOpening");
    public static readonly TextKey Update = new("handoff.update");
    public static readonly TextKey AgentJoined = new("handoff.agentJoined");
    public static readonly TextKey TransferredToAgent = new("handoff.transferredToAgent");
    public static readonly TextKey TransferredToTeam = new("handoff.transferredToTeam");
    public static readonly TextKey HandedBack = new("handoff.handedBack");
    public static readonly TextKey Resolved = new("handoff.resolved");
}
