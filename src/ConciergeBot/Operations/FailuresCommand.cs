using System.Globalization;
using ConciergeBot.Hosting;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Operations;

/// <summary>
/// <c>failures</c>: what the pipeline gave up on, for an operator: messages whose turn failed every
/// attempt and replies that could not be delivered, newest first, with the error.
/// </summary>
public static class FailuresCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddConcierge();
        using var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ConciergeDb>>().CreateDbContextAsync();
        var turns = await db.Inbox.AsNoTracking().Where(i => i.Status == InboxStatus.Failed)
            .OrderByDescending(i => i.Id).Take(50)
            .Select(i => new { i.Id, i.ConversationId, i.ReceivedAt, i.Attempts, i.LastError })
            .ToListAsync();
        var deliveries = await db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Failed)
            .OrderByDescending(o => o.Id).Take(50)
            .Select(o => new { o.Id, o.ConversationId, o.CreatedAt, o.Attempts, o.LastError })
            .ToListAsync();

        var output = Console.Out;
        output.WriteLine($"Failed turns: {turns.Count}");
        foreach (var t in turns)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  inbox {t.Id}  {t.ReceivedAt:u}  {t.ConversationId}  after {t.Attempts} attempt(s): {FirstLine(t.LastError)}"));
        }

        output.WriteLine($"Failed deliveries: {deliveries.Count}");
        foreach (var d in deliveries)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  outbox {d.Id}  {d.CreatedAt:u}  {d.ConversationId}  after {d.Attempts} attempt(s): {FirstLine(d.LastError)}"));
        }

        return 0;
    }

    private static string FirstLine(string? text) => text?.Split('\n')[0].Trim() ?? "";
}
