namespace ConciergeBot.Storage;

public sealed class Customer
{
    public Guid Id { get; set; }
    public required string DisplayName { get; set; }
    public string? PreferredLanguage { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the customer said STOP / berhenti: no reminders or check-ins until they say START / mulai.</summary>
    public DateTime? OptedOutAt { get; set; }
    public List<CustomerAddress> Addresses { get; set; } = [];
}

/// <summary>One way to reach a customer: a phone number (E.164, for SMS and WhatsApp), a Telegram user id, a web chat user id.</summary>
public sealed class CustomerAddress
{
    public long Id { get; set; }
    public Guid CustomerId { get; set; }
    public required string Kind { get; set; }
    public required string Value { get; set; }
}
