namespace ConciergeBot.Events;

/// <summary>The headers of a delivery, besides <c>Content-Type: application/json</c>.</summary>
public static class WebhookHeaders
{
    /// <summary>The event's type, e.g. <c>appointment.rescheduled</c>: route without parsing the body.</summary>
    public const string Event = "X-Concierge-Event";

    /// <summary>The event's id, the same on every attempt: a receiver that has it already answers 2xx and ignores it.</summary>
    public const string EventId = "X-Concierge-Event-Id";

    /// <summary>Unix seconds when this attempt was signed; new on every attempt.</summary>
    public const string Timestamp = "X-Concierge-Timestamp";

    /// <summary><c>sha256=</c> and the hex HMAC of the timestamp and the body (see <see cref="WebhookSignature"/>).</summary>
    public const string Signature = "X-Concierge-Signature";
}
