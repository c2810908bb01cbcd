using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Storage;

/// <summary>
/// Units of work for dialogs, one per turn that needs one. Not pooled: at commit the context is
/// moved onto the writer's connection and transaction, which a pooled context must never keep.
/// </summary>
public sealed class TurnDbFactory(DbContextOptions<ConciergeDb> options)
{
    public ConciergeDb Create() => new(options);
}
