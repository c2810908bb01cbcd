using System.ComponentModel.DataAnnotations;

namespace ConciergeBot.Demo;

/// <summary>The business a new database starts with.</summary>
public sealed class BusinessOptions
{
    public const string Section = "Business";

    [Required]
    public string Name { get; set; } = "Bengkel Maju Jaya";

    /// <summary>An IANA time zone id; every time a customer says is read in this zone.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Jakarta";

    [Required]
    [RegularExpression("^(en|id)$")]
    public string DefaultLanguage { get; set; } = "id";

    /// <summary>Adds a demo workshop on first start (services, bays, hours, a holiday, customers and their upcoming appointments), so the bot can be tried at once.</summary>
    public bool SeedDemoData { get; set; } = true;
}
