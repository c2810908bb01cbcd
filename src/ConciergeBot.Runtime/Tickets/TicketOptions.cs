namespace ConciergeBot.Tickets;

/// <summary>How problem reports are sorted, judged and made good (<c>Tickets</c> in appsettings.json).</summary>
public sealed class TicketOptions
{
    public const string Section = "Tickets";
    public const string OtherCategory = "other";

    /// <summary>Categories by code, in the order they are offered; "other" is always there.</summary>
    public Dictionary<string, TicketCategory> Categories { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make any report serious (safety: fire, injury, brakes).</summary>
    public List<string> SeriousWords { get; set; } = [];

    /// <summary>A customer's earlier report within this time makes a new one one step more serious.</summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Reports this serious (or more) go to a person at high priority.</summary>
    public Severity EscalateFrom { get; set; } = Severity.High;

    /// <summary>What the business gives back, per category, from a severity up; the first matching rule applies.</summary>
    public List<CompensationRule> Compensation { get; set; } = [];

    /// <summary>The most the bot may give by itself (vouchers); anything above is for a person to approve.</summary>
    public decimal BotMayGrantUpTo { get; set; }

    public string Currency { get; set; } = "IDR";

    public string VoucherPrefix { get; set; } = "SORRY";

    /// <summary>Categories where photos help; the bot asks for them.</summary>
    public List<string> PhotoCategories { get; set; } = [];

    public TicketCategory CategoryOrOther(string code) =>
        Categories.TryGetValue(code, out var category) ? category : new TicketCategory();
}

public sealed class TicketCategory
{
    /// <summary>The category's name per language.</summary>
    public Dictionary<string, string> Names { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words and phrases (English and Indonesian) that point to this category.</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>How serious a report of this kind is before anything else is known.</summary>
    public Severity Severity { get; set; } = Severity.Low;

    public string Name(string language, string fallback) =>
        Names.TryGetValue(language, out var name) ? name : Names.Values.FirstOrDefault() ?? fallback;
}

public enum CompensationKind
{
    Voucher,
    FreeRevisit,
    Refund,
}

public sealed class CompensationRule
{
    public string Category { get; set; } = "";

    public Severity MinSeverity { get; set; } = Severity.Low;

    public CompensationKind Kind { get; set; }

    /// <summary>A voucher's value, or a refund the bot may promise (0: an agent decides the amount).</summary>
    public decimal Amount { get; set; }
}
