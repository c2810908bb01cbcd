namespace ConciergeBot.Channels;

public static class RetryAfterHeader
{
    /// <summary>How long a provider asks us to wait (<c>Retry-After</c> as seconds or as a date); null when it does not say.</summary>
    public static TimeSpan? RetryAfter(this HttpResponseMessage response, TimeProvider clock) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? date - clock.GetUtcNow() : null);
}
