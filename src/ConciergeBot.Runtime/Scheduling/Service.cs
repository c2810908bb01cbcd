namespace ConciergeBot.Scheduling;

/// <summary>
/// Something a customer books, e.g. "Servis berkala", with how long it takes and the time kept free
/// before it (preparation) and after it (cleaning, paperwork).
/// </summary>
public sealed class Service
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }

    /// <summary>The business's own code for it ("oil-change"), stable across imports and configuration.</summary>
    public required string Code { get; set; }

    /// <summary>What customers see, per language ("en", "id"); the business's default language is always there.</summary>
    public Dictionary<string, string> Names { get; set; } = [];

    public int DurationMinutes { get; set; }
    public int BufferBeforeMinutes { get; set; }
    public int BufferAfterMinutes { get; set; }
    public bool Active { get; set; } = true;

    public string NameIn(string language, string fallbackLanguage) =>
        Names.TryGetValue(language, out var name) ? name
        : Names.TryGetValue(fallbackLanguage, out var fallback) ? fallback
        : Names.Values.FirstOrDefault() ?? Code;
}
