namespace ConciergeBot.Storage;

public sealed class Business
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string TimeZoneId { get; set; }
    public required string DefaultLanguage { get; set; }
}
