using ConciergeBot.Language;

namespace ConciergeBot.Tickets;

/// <summary>
/// Reads a problem report: its category from the customer's words (the category whose keywords match
/// most, longer phrases counting more), and its severity from the category, serious words, anger and
/// whether the customer reported a problem recently. Pure: text in, judgement out.
/// </summary>
public static class ProblemAssessment
{
    /// <summary>The best-matching category code, or null when nothing in the text points anywhere.</summary>
    public static string? Category(string? text, TicketOptions options)
    {
        var normalized = $" {TextNormalizer.Normalize(text)} ";
        string? best = null;
        var bestScore = 0;
        foreach (var (code, category) in options.Categories)
        {
            var score = category.Keywords
                .Select(k => TextNormalizer.Normalize(k))
                .Where(k => k.Length > 0 && normalized.Contains($" {k} ", StringComparison.Ordinal))
                .Sum(k => k.Split(' ').Length);
            if (score > bestScore)
            {
                (best, bestScore) = (code, score);
            }
        }

        return best;
    }

    public static Severity Severity(string category, string? text, bool repeat, TicketOptions options)
    {
        var severity = options.CategoryOrOther(category).Severity;
        var normalized = $" {TextNormalizer.Normalize(text)} ";
        if (options.SeriousWords.Any(w => normalized.Contains($" {TextNormalizer.Normalize(w)} ", StringComparison.Ordinal)))
        {
            severity = Max(severity, Tickets.Severity.Critical);
        }

        if (repeat)
        {
            severity = Raise(severity);
        }

        if (AngerRecognizer.IsAngry(text))
        {
            severity = Max(severity, Tickets.Severity.Medium);
        }

        return severity;
    }

    /// <summary>What the business gives back for this report, and whether a person must approve it.</summary>
    public static CompensationDecision Compensation(string category, Severity severity, TicketOptions options)
    {
        var rule = options.Compensation.FirstOrDefault(r => string.Equals(r.Category, category, StringComparison.OrdinalIgnoreCase) && severity >= r.MinSeverity);
        return rule switch
        {
            null => new CompensationDecision(null, 0, NeedsPerson: false),
            { Kind: CompensationKind.Voucher } => new CompensationDecision(rule.Kind, rule.Amount, NeedsPerson: rule.Amount > options.BotMayGrantUpTo),
            { Kind: CompensationKind.Refund } => new CompensationDecision(rule.Kind, rule.Amount, NeedsPerson: true),
            _ => new CompensationDecision(rule.Kind, 0, NeedsPerson: false),
        };
    }

    private static Severity Raise(Severity severity) => severity == Tickets.Severity.Critical ? severity : severity + 1;

    private static Severity Max(Severity a, Severity b) => a > b ? a : b;
}

/// <param name="Kind">Null: nothing is given for this kind of report.</param>
/// <param name="NeedsPerson">Above what the bot may grant (or a refund, which a person always approves).</param>
public sealed record CompensationDecision(CompensationKind? Kind, decimal Amount, bool NeedsPerson);
