namespace ConciergeBot.Events;

internal enum WebhookOutcome
{
    Delivered,

    /// <summary>A passing fault (timeout, 408, 429, 5xx, no connection): try again later.</summary>
    Retry,

    /// <summary>The receiver refused the event; sending it again would not change its answer.</summary>
    Failed,
}

internal sealed record WebhookResult(WebhookOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static WebhookResult Delivered { get; } = new(WebhookOutcome.Delivered);

    public static WebhookResult Retry(string error, TimeSpan? retryAfter = null) => new(WebhookOutcome.Retry, error, retryAfter);

    public static WebhookResult Failed(string error) => new(WebhookOutcome.Failed, error);
}
