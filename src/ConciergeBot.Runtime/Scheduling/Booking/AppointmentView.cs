namespace ConciergeBot.Scheduling.Booking;

/// <summary>An appointment as a conversation shows and remembers it (plain data, saved in dialog state).</summary>
public sealed record AppointmentView(
    Guid Id,
    string Reference,
    Guid CustomerId,
    Guid ServiceId,
    string ServiceCode,
    Dictionary<string, string> ServiceNames,
    Guid ResourceId,
    string ResourceName,
    DateTimeOffset Start,
    DateTimeOffset End,
    int RescheduleCount)
{
    public string ServiceName(string language, string fallbackLanguage) =>
        ServiceNames.TryGetValue(language, out var name) ? name
        : ServiceNames.TryGetValue(fallbackLanguage, out var fallback) ? fallback
        : ServiceNames.Values.FirstOrDefault() ?? ServiceCode;
}
