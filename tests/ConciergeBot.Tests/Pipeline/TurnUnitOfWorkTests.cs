using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Pipeline;

public sealed class TurnUnitOfWorkTests
{
    [Fact]
    public async Task What_a_dialog_changes_in_the_database_commits_with_its_turn()
    {
        await using var bot = await BotHarness.StartAsync(services => services.AddSingleton<ITurnHandler>(new SignUpHandler(failAfterWriting: false)));

        await bot.ReceiveAsync("c1", "sign me up as Dewi");

        Assert.Equal("Welcome, Dewi", (await bot.Channel.NextReplyAsync("c1")).Text);
        Assert.True(await bot.QueryAsync(db => db.Customers.AnyAsync(c => c.DisplayName == "Dewi")));
    }

    [Fact]
    public async Task A_turn_that_fails_after_changing_the_database_leaves_no_trace()
    {
        await using var bot = await BotHarness.StartAsync(
            services => services.AddSingleton<ITurnHandler>(new SignUpHandler(failAfterWriting: true)),
            new() { ["Pipeline:MaxTurnAttempts"] = "1" });

        await bot.ReceiveAsync("c1", "sign me up as Dewi");
        await bot.EventuallyAsync(db => db.Inbox.AnyAsync(i => i.Status == InboxStatus.Failed));

        Assert.False(await bot.QueryAsync(db => db.Customers.AnyAsync(c => c.DisplayName == "Dewi")));
    }

    [Fact]
    public async Task A_turn_whose_commit_breaks_a_constraint_is_retried_then_marked_failed_and_the_customer_told()
    {
        await using var bot = await BotHarness.StartAsync(
            services => services.AddSingleton<ITurnHandler>(new DuplicatePhoneHandler()),
            new() { ["Pipeline:MaxTurnAttempts"] = "2" });

        await bot.ReceiveAsync("c1", "my number is +6281234567890");
        await bot.EventuallyAsync(db => db.Inbox.AnyAsync(i => i.Attempts == 1));
        await bot.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(bot.Locales.Get("id", ConciergeBot.Localization.RuntimeTexts.TurnFailed), (await bot.Channel.NextReplyAsync("c1")).Text);
        var failed = await bot.QueryAsync(db => db.Inbox.SingleAsync());
        Assert.Equal(InboxStatus.Failed, failed.Status);
        Assert.Contains("UNIQUE", failed.LastError, StringComparison.Ordinal);
    }

    /// <summary>Links a second customer to the demo customer's phone: the unique address index refuses it at commit.</summary>
    private sealed class DuplicatePhoneHandler : ITurnHandler
    {
        public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            var customer = new Customer { Id = Guid.NewGuid(), DisplayName = "Copy", CreatedAt = turn.Now.UtcDateTime };
            customer.Addresses.Add(new CustomerAddress { Kind = "phone", Value = "+6281234567890" });
            turn.Db.Customers.Add(customer);
            return turn.SendAsync(Activities.MessageFactory.Text("Linked."));
        }
    }

    private sealed class SignUpHandler(bool failAfterWriting) : ITurnHandler
    {
        public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            var name = turn.Activity.Text!.Split(' ')[^1];
            turn.Db.Customers.Add(new Customer { Id = Guid.NewGuid(), DisplayName = name, CreatedAt = turn.Now.UtcDateTime });
            if (await turn.Db.Customers.AnyAsync(c => c.DisplayName == "nobody", cancellationToken) || failAfterWriting)
            {
                throw new InvalidOperationException("The dialog broke after writing.");
            }

            await turn.SendAsync(Activities.MessageFactory.Text($"Welcome, {name}"));
        }
    }
}
