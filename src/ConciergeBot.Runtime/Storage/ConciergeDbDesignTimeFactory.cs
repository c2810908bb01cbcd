using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ConciergeBot.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the host.</summary>
internal sealed class ConciergeDbDesignTimeFactory : IDesignTimeDbContextFactory<ConciergeDb>
{
    public ConciergeDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ConciergeDb>().UseSqlite("Data Source=design-time.db").Options);
}
