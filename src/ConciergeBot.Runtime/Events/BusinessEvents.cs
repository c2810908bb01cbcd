using System.Text.Json;

namespace ConciergeBot.Events;

public static class BusinessEvents
{
    // The receiver's contract: camelCase names, nulls written out so every field is always there.
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A pending event to add to the same unit of work as the change it describes; the
    /// <see cref="BusinessEventDispatcher"/> posts it once that commits.
    /// </summary>
    public static BusinessEvent Create<T>(string type, T payload, DateTimeOffset occurredAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var at = occurredAt.UtcDateTime;
        return new BusinessEvent
        {
            EventId = Guid.NewGuid(),
            Type = type,
            PayloadJson = JsonSerializer.Serialize(payload, PayloadJson),
            OccurredAt = at,
            Status = BusinessEventStatus.Pending,
            NextAttemptAt = at,
        };
    }
}
