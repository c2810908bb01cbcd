namespace ConciergeBot.Benchmarks.DirectLine;

/// <summary>A customer made up for the load run, with one appointment of their own so no two walks move the same booking.</summary>
internal sealed record LoadCustomer(int Number, string Reference, string Name, string Phone)
{
    public static LoadCustomer Numbered(int number) =>
        new(number, $"LOAD-{number:D4}", $"Load Customer {number}", $"+62815{number:D8}");
}
