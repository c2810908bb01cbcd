using ConciergeBot.Dialogs;
using ConciergeBot.Dialogs.Reschedule;
using ConciergeBot.Handoff;
using ConciergeBot.Pipeline;
using ConciergeBot.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Handoff;

/// <summary>
/// The customer's side of a handoff, through the real pipeline on a fake clock that starts on
/// Tuesday 1 December 2026 at 09:00 in Jakarta (inside the demo's staffed hours).
/// </summary>
public sealed class HandoffDialogTests
{
    private const string Business = "Bengkel Maju Jaya";

    [Fact]
    public async Task Asking_for_a_person_queues_the_conversation_and_says_so_once_with_the_place_in_the_queue()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.AgentAsync("sari", "Sari");

        await new TestFlow(bot, locale: "en")
            .Send("I want to talk to a person")
            .AssertReply(reply => Assert.Equal(
                bot.Locales.Get("en", DialogTexts.HandoffCustomerAsked, ("business", Business)) + " " + bot.Locales.Get("en", HandoffTexts.Next),
                reply.Text))
            .AssertNoReply()
            .StartTestAsync();

        var queued = await bot.OpenCaseAsync("conversation-1");
        Assert.Equal(HandoffStatus.Waiting, queued.Status);
        Assert.Equal(EscalationReasons.CustomerAsked, queued.Reason);
        Assert.Equal("general", queued.Team);
        Assert.Equal(HandoffPriorities.Normal, queued.Priority);
        Assert.Contains("asked for a person", queued.Summary, StringComparison.Ordinal);
        Assert.Contains("\"I want to talk to a person\"", queued.Summary, StringComparison.Ordinal);
        Assert.Equal(1, await bot.QueryAsync(db => db.BusinessEvents.CountAsync(e => e.Type == HandoffEventTypes.Requested)));
    }

    [Fact]
    public async Task While_waiting_the_bot_stays_silent_answers_still_waiting_and_lets_the_customer_withdraw()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, locale: "en")
            .Send("I want to talk to a person")
            .AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, "en", ("business", Business))
            .Send("My car makes a noise when braking")
            .AssertNoReply()
            .Send("reschedule")
            .AssertNoReply()
            .Send("still waiting?")
            .AssertReply(bot.Locales.Get("en", HandoffTexts.NobodyFree) + " " + bot.Locales.Get("en", HandoffTexts.Next))
            .Send("never mind")
            .AssertReply(DialogTexts.HandoffWithdrawn, "en")
            .Send("I'd like to reschedule")
            .AssertReply(RescheduleTexts.AskReference, "en")
            .StartTestAsync();

        var withdrawn = await bot.OpenCaseAsync("conversation-1");
        Assert.Equal(HandoffStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(1, await bot.QueryAsync(db => db.BusinessEvents.CountAsync(e => e.Type == HandoffEventTypes.Withdrawn)));
    }

    [Fact]
    public async Task Gak_jadi_withdraws_in_Indonesian()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, locale: "id")
            .Send("mau bicara dengan petugas")
            .AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, "id", ("business", Business))
            .Send("masih lama?")
            .AssertReply(bot.Locales.Get("id", HandoffTexts.NobodyFree) + " " + bot.Locales.Get("id", HandoffTexts.Next))
            .Send("gak jadi")
            .AssertReply(DialogTexts.HandoffWithdrawn, "id")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en", "Monday 7 December at 08:00")]
    [InlineData("id", "Senin, 7 Desember pukul 08.00")]
    public async Task Outside_staffed_hours_one_message_names_when_the_team_is_back_and_its_zone(string language, string opening)
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 20, 30, 0, TimeSpan.FromHours(7))); // Saturday evening
        await bot.AgentAsync("sari", "Sari");

        await new TestFlow(bot, locale: language)
            .Send(language == "en" ? "I want to talk to a person" : "mau bicara dengan petugas")
            .AssertReply(reply => Assert.Equal(
                bot.Locales.Get(language, DialogTexts.HandoffCustomerAsked, ("business", Business)) + " "
                    + bot.Locales.Get(language, HandoffTexts.Closed, ("opening", opening), ("zone", "WIB")),
                reply.Text))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task A_holiday_is_not_staffed_and_the_next_working_day_is_named()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 25, 10, 0, 0, TimeSpan.FromHours(7))); // Christmas, a Friday

        await new TestFlow(bot, locale: "en")
            .Send("I want to talk to a person")
            .AssertReplyContains(bot.Locales.Get("en", HandoffTexts.Closed, ("opening", "Saturday 26 December at 08:00"), ("zone", "WIB")))
            .StartTestAsync();
    }

    [Fact]
    public async Task An_agent_takes_over_the_bot_stays_out_and_hands_back_and_then_the_bot_answers_again()
    {
        await using var bot = await BotHarness.StartAsync();
        var sari = await bot.AgentAsync("sari", "Sari");
        var flow = new TestFlow(bot, locale: "en");

        await flow.Send("I want to talk to a person").AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, "en", ("business", Business)).StartTestAsync();
        var queued = await bot.OpenCaseAsync("conversation-1");

        var claimed = await bot.Desk().ClaimAsync(queued.Id, sari.Id, CancellationToken.None);
        Assert.Equal(DeskOutcome.Done, claimed.Outcome);
        await new TestFlow(bot, locale: "en")
            .AssertReply(HandoffTexts.AgentJoined, "en", ("agent", "Sari"), ("business", Business))
            .StartTestAsync();

        Assert.True((await bot.Desk().ReplyAsync(queued.Id, sari.Id, "Could you tell me the plate number?", CancellationToken.None)).Succeeded);
        await new TestFlow(bot, locale: "en")
            .AssertReply(reply =>
            {
                Assert.Equal("Could you tell me the plate number?", reply.Text);
                Assert.Equal("Sari", reply.From?.Name);
            })
            .Send("B 1234 XYZ")
            .AssertNoReply()
            .Send("cancel")
            .AssertNoReply()
            .StartTestAsync();

        Assert.True((await bot.Desk().HandBackAsync(queued.Id, sari.Id, CancellationToken.None)).Succeeded);
        await new TestFlow(bot, locale: "en")
            .AssertReply(HandoffTexts.HandedBack, "en", ("agent", "Sari"))
            .Send("I'd like to reschedule")
            .AssertReply(RescheduleTexts.AskReference, "en")
            .StartTestAsync();

        var closed = await bot.OpenCaseAsync("conversation-1");
        Assert.Equal(HandoffStatus.HandedBack, closed.Status);
        var transcript = await bot.Services.GetRequiredService<TranscriptReader>().ReadAsync(closed.ConversationId, CancellationToken.None);
        Assert.Contains(transcript, e => e.Direction == TranscriptDirection.In && e.Activity.Text == "B 1234 XYZ");
        Assert.Equal(
            [HandoffEventTypes.Requested, HandoffEventTypes.Claimed, HandoffEventTypes.HandedBack],
            await bot.QueryAsync(db => db.BusinessEvents.Where(e => e.Type.StartsWith("handoff.")).OrderBy(e => e.Id).Select(e => e.Type).ToListAsync()));
    }

    [Fact]
    public async Task A_resolved_conversation_records_the_outcome_and_tells_the_customer()
    {
        await using var bot = await BotHarness.StartAsync();
        var sari = await bot.AgentAsync("sari", "Sari");
        await new TestFlow(bot, locale: "en").Send("I want to talk to a person").AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, "en", ("business", Business)).StartTestAsync();
        var queued = await bot.OpenCaseAsync("conversation-1");
        await bot.Desk().ClaimAsync(queued.Id, sari.Id, CancellationToken.None);

        var resolved = await bot.Desk().ResolveAsync(queued.Id, sari.Id, "Moved to Friday by phone", CancellationToken.None);

        Assert.True(resolved.Succeeded);
        await new TestFlow(bot, locale: "en")
            .AssertReply(HandoffTexts.AgentJoined, "en", ("agent", "Sari"), ("business", Business))
            .AssertReply(HandoffTexts.Resolved, "en", ("agent", "Sari"))
            .StartTestAsync();
        var closed = await bot.OpenCaseAsync("conversation-1");
        Assert.Equal((HandoffStatus.Resolved, "Moved to Friday by phone"), (closed.Status, closed.Outcome));
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(DeskOutcome.NotAvailable, (await bot.Desk().ReplyAsync(queued.Id, sari.Id, "late", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_waiting_conversation_is_not_reset_for_being_idle()
    {
        await using var bot = await BotHarness.StartAsync();

        await new TestFlow(bot, locale: "en")
            .Send("I want to talk to a person")
            .AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, "en", ("business", Business))
            .Do(() => { bot.Clock.Advance(TimeSpan.FromHours(5)); return Task.CompletedTask; })
            .Send("hello, here are more details about the noise")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(HandoffStatus.Waiting, (await bot.OpenCaseAsync("conversation-1")).Status);
    }

    [Fact]
    public async Task A_customer_who_stays_angry_goes_to_a_person_ahead_of_ordinary_requests()
    {
        await using var bot = await BotHarness.StartAsync();
        await new TestFlow(bot, conversation: "calm", user: "calm-customer", locale: "en")
            .Send("I want to talk to a person")
            .AssertReplyStartsWith(DialogTexts.HandoffCustomerAsked, "en", ("business", Business))
            .StartTestAsync();

        async Task DrainAsync()
        {
            while (await bot.Channel.ReplyWithinAsync("angry", TimeSpan.FromMilliseconds(300)) is not null)
            {
            }
        }

        await new TestFlow(bot, conversation: "angry", user: "angry-customer", locale: "en")
            .Send("hello")
            .Do(DrainAsync)
            .Send("this is ridiculous!!!")
            .AssertReply(reply => Assert.DoesNotContain(bot.Locales.Get("en", HandoffTexts.Next), reply.Text ?? "", StringComparison.Ordinal))
            .Do(DrainAsync)
            .Send("UNACCEPTABLE SERVICE, I WANT MY MONEY BACK")
            .AssertReplyContains(bot.Locales.Get("en", HandoffTexts.Next))
            .StartTestAsync();

        var angry = await bot.OpenCaseAsync("angry");
        Assert.Equal((EscalationReasons.Anger, HandoffPriorities.High), (angry.Reason, angry.Priority));
        var order = await bot.Services.GetRequiredService<HandoffQueue>().WaitingAsync(null, CancellationToken.None);
        Assert.Equal(["test:angry", "test:calm"], order.Select(c => c.ConversationId));
    }
}
