using System.ComponentModel.DataAnnotations;

namespace ConciergeBot.Pipeline;

public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Names this process in outbox claims, so two instances never deliver the same row at once.</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    [Range(1, 1024)]
    public int MaxConcurrentConversations { get; set; } = 64;

    [Range(1, 100)]
    public int MaxTurnAttempts { get; set; } = 5;

    public TimeSpan TurnRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 100)]
    public int MaxDeliveryAttempts { get; set; } = 8;

    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one instance owns an outbox row it is delivering before another may take it.</summary>
    public TimeSpan DeliveryClaim { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the outbox is checked for retries that fell due (new rows wake it at once).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the inbox is swept for work another instance left behind, or that waits for a retry.</summary>
    public TimeSpan InboxSweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A conversation idle for longer than this starts fresh: its dialogs are dropped, its language kept.</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(2);

    internal static TimeSpan Backoff(TimeSpan first, int attempt, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, max.Ticks));
        return delay;
    }
}
