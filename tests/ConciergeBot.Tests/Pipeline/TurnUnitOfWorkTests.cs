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

    [Fact]
    public async Task A_joined_write_commits_with_its_turn_and_hears_of_the_commit_after_it()
    {
        var handler = new JoiningHandler(refuseWhileJoinable: false);
        await using var bot = await BotHarness.StartAsync(services => services.AddSingleton<ITurnHandler>(handler));

        await bot.ReceiveAsync("c1", "sign me up as Dewi");

        Assert.Equal("Joined, Dewi", (await bot.Channel.NextReplyAsync("c1")).Text);
        Assert.Equal([true], handler.Joinable);
        Assert.True(await bot.QueryAsync(db => db.Customers.AnyAsync(c => c.DisplayName == "Dewi")));
        // Told after the commit: by then the row is there for whoever it wakes.
        Assert.True(await handler.CommittedSawTheRow.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_joined_write_refused_at_commit_undoes_the_turn_and_it_runs_again_writing_at_once()
    {
        var handler = new JoiningHandler(refuseWhileJoinable: true);
        await using var bot = await BotHarness.StartAsync(services => services.AddSingleton<ITurnHandler>(handler));

        await bot.ReceiveAsync("c1", "sign me up as Dewi");

        // Nothing of the first run is sent or kept: neither its reply nor what its refused write had written.
        Assert.Equal("Checked at once, Dewi", (await bot.Channel.NextReplyAsync("c1")).Text);
        Assert.Null(await bot.Channel.ReplyWithinAsync("c1", TimeSpan.FromMilliseconds(300)));
        Assert.Equal([true, false], handler.Joinable);
        Assert.False(await bot.QueryAsync(db => db.Customers.AnyAsync(c => c.DisplayName == "Dewi")));
        Assert.Equal(1, await bot.QueryAsync(db => db.Conversations.Select(c => c.Version).SingleAsync()));
        Assert.Equal(InboxStatus.Processed, await bot.QueryAsync(db => db.Inbox.Select(i => i.Status).SingleAsync()));
    }

    /// <summary>
    /// Joins a write that adds the customer to the turn's commit when it may; with <paramref name="refuseWhileJoinable"/>
    /// that write adds the row and then refuses (a check that failed late), and the run after it writes nothing.
    /// </summary>
    private sealed class JoiningHandler(bool refuseWhileJoinable) : ITurnHandler
    {
        public List<bool> Joinable { get; } = [];

        public TaskCompletionSource<bool> CommittedSawTheRow { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            var name = turn.Activity.Text!.Split(' ')[^1];
            var now = turn.Now.UtcDateTime;
            Joinable.Add(turn.Writes.Joinable);
            if (!turn.Writes.Joinable)
            {
                return turn.SendAsync(Activities.MessageFactory.Text($"Checked at once, {name}"));
            }

            string? path = null;
            turn.Writes.Join(
                (connection, transaction) =>
                {
                    path = connection.DataSource;
                    using var insert = Sql.Command(connection, transaction, """
                        INSERT INTO "Customers" ("Id", "DisplayName", "CreatedAt") VALUES (@id, @name, @at)
                        """, ("@id", Guid.NewGuid()), ("@name", name), ("@at", now));
                    insert.ExecuteNonQuery();
                    return !refuseWhileJoinable;
                },
                () =>
                {
                    using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
                    connection.Open();
                    using var find = Sql.Command(connection, null, """SELECT COUNT(*) FROM "Customers" WHERE "DisplayName" = @name""", ("@name", name));
                    CommittedSawTheRow.TrySetResult((long)find.ExecuteScalar()! == 1);
                });
            return turn.SendAsync(Activities.MessageFactory.Text($"Joined, {name}"));
        }
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
