using ConciergeBot.Activities;
using ConciergeBot.Localization;

namespace ConciergeBot.Tests.Harness;

/// <summary>
/// A dialog test that reads like the chat it checks, as Bot Framework's TestFlow does:
/// <c>new TestFlow(bot).Send("halo").AssertReply(...).StartTestAsync()</c>. Messages go through
/// the real inbox, turn and outbox; replies are what the channel adapter delivered.
/// </summary>
public sealed class TestFlow(BotHarness bot, string conversation = "conversation-1", string user = "customer-1", string? locale = null)
{
    private readonly List<Func<Task>> _steps = [];

    public string Conversation => conversation;

    public TestFlow Send(string text)
    {
        _steps.Add(async () => await bot.ReceiveAsync(conversation, text, user: user, locale: locale));
        return this;
    }

    public TestFlow Send(Activity activity)
    {
        _steps.Add(async () =>
        {
            activity.Id ??= Guid.NewGuid().ToString("N");
            activity.ChannelId ??= TestChannelAdapter.Id;
            activity.Conversation ??= new ConversationAccount(conversation);
            activity.From ??= new ChannelAccount(user, role: "user");
            activity.Recipient ??= new ChannelAccount("bot", role: "bot");
            await bot.ReceiveAsync(activity);
        });
        return this;
    }

    public TestFlow AssertReply(string expectedText) =>
        AssertReply(reply => Assert.Equal(expectedText, reply.Text));

    /// <summary>The next reply is the locale text <paramref name="key"/> in <paramref name="language"/>.</summary>
    public TestFlow AssertReply(TextKey key, string language, params TextArg[] args) =>
        AssertReply(reply => Assert.Equal(bot.Locales.Get(language, key, args), reply.Text));

    /// <summary>The next reply begins with the locale text <paramref name="key"/> (more may follow, e.g. a queue position).</summary>
    public TestFlow AssertReplyStartsWith(TextKey key, string language, params TextArg[] args) =>
        AssertReply(reply => Assert.StartsWith(bot.Locales.Get(language, key, args), reply.Text, StringComparison.Ordinal));

    public TestFlow AssertReplyContains(string part) =>
        AssertReply(reply => Assert.Contains(part, reply.Text, StringComparison.Ordinal));

    public TestFlow AssertReply(Action<Activity> check)
    {
        _steps.Add(async () => check(await bot.Channel.NextReplyAsync(conversation)));
        return this;
    }

    /// <summary>The next reply offers exactly these choices, in this order.</summary>
    public TestFlow AssertChoices(params string[] titles) =>
        AssertReply(reply => Assert.Equal(titles, reply.SuggestedActions?.Actions.Select(a => a.Title) ?? []));

    public TestFlow AssertNoReply(TimeSpan? wait = null)
    {
        _steps.Add(async () =>
        {
            var reply = await bot.Channel.ReplyWithinAsync(conversation, wait ?? TimeSpan.FromMilliseconds(300));
            Assert.True(reply is null, $"Expected no reply, got: {reply?.Text}");
        });
        return this;
    }

    /// <summary>Throws the process away and starts a new one on the same database.</summary>
    public TestFlow Restart()
    {
        _steps.Add(() => bot.RestartAsync());
        return this;
    }

    public TestFlow Wait(TimeSpan time)
    {
        _steps.Add(() => bot.AdvanceAsync(time));
        return this;
    }

    public TestFlow Do(Func<Task> step)
    {
        _steps.Add(step);
        return this;
    }

    public async Task StartTestAsync()
    {
        foreach (var step in _steps)
        {
            await step();
        }
    }
}
