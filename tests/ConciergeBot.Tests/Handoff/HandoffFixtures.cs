using ConciergeBot.Handoff;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Handoff;

internal static class HandoffFixtures
{
    /// <summary>An agent, online (available, console heard from now) unless said otherwise.</summary>
    public static async Task<Agent> AgentAsync(this BotHarness bot, string userName, string displayName, string teams = "general", int max = 3, bool online = true, AgentRole role = AgentRole.Agent)
    {
        var agent = new Agent
        {
            UserName = userName,
            DisplayName = displayName,
            PasswordHash = "not-used-here",
            Teams = teams,
            MaxConcurrent = max,
            Role = role,
            Presence = online ? AgentPresence.Available : AgentPresence.Away,
            LastSeenAt = online ? bot.Clock.GetUtcNow().UtcDateTime : null,
            CreatedAt = bot.Clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<ConciergeDb>>().CreateDbContextAsync();
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
        return agent;
    }

    /// <summary>The conversation's latest handoff case, as committed.</summary>
    public static Task<HandoffCase?> CaseAsync(this BotHarness bot, string channelConversation) =>
        bot.QueryAsync(db => db.HandoffCases.AsNoTracking()
            .Where(c => c.ConversationId == ConciergeBot.Pipeline.ConversationKey.For(TestChannelAdapter.Id, channelConversation))
            .OrderByDescending(c => c.RequestedAt)
            .FirstOrDefaultAsync());

    public static async Task<HandoffCase> OpenCaseAsync(this BotHarness bot, string channelConversation) =>
        await bot.CaseAsync(channelConversation) ?? throw new InvalidOperationException($"No handoff case for {channelConversation}.");

    public static HandoffDesk Desk(this BotHarness bot) => bot.Services.GetRequiredService<HandoffDesk>();

    /// <summary>Handled cases in the past, so the queue has a history to estimate waits from.</summary>
    public static async Task HistoryAsync(this BotHarness bot, int count, TimeSpan handling)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<ConciergeDb>>().CreateDbContextAsync();
        var closed = bot.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        for (var i = 0; i < count; i++)
        {
            db.HandoffCases.Add(new HandoffCase
            {
                ConversationId = $"history-{i}",
                Channel = "test",
                Language = "en",
                Reason = "customer-asked",
                Team = "general",
                Summary = "",
                Status = HandoffStatus.Resolved,
                RequestedAt = closed - handling - TimeSpan.FromMinutes(5),
                QueuedAt = closed - handling - TimeSpan.FromMinutes(5),
                ClaimedAt = closed - handling,
                ClosedAt = closed,
            });
        }

        await db.SaveChangesAsync();
    }
}
