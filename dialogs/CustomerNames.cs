using ConciergeBot.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Dialogs;

/// <summary>How the bot addresses a customer: by the first word of their name.</summary>
internal static class CustomerNames
{
    public static async Task<string?> FirstNameAsync(TurnContext turn, Guid? customerId, CancellationToken cancellationToken) =>
        First(customerId is { } id
            ? await turn.Db.Customers.Where(c => c.Id == id).Select(c => c.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null);

    public static string? First(string? displayName) => displayName?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
