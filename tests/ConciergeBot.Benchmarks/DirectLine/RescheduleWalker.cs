using System.Globalization;

namespace ConciergeBot.Benchmarks.DirectLine;

/// <summary>
/// One customer walking the reschedule dialog again and again over Direct Line, answering whatever the
/// bot asks: the booking reference and the name (the first time only; after that the conversation
/// knows the customer), "Skip" for the reason, a random weekday time 3–25 days ahead, "1" when
/// alternatives are offered, and "yes" to the confirmation, until "Done!". Anything else the bot says
/// is an unexpected reply: the walker records it, says "cancel", and starts a new walk.
/// With <paramref name="cancelOnly"/> it only ever says "cancel" (answered "nothing to cancel", a
/// turn with next to no dialog work): the floor that the channel and the turn pipeline cost.
/// </summary>
internal sealed class RescheduleWalker(
    DirectLineClient client, LoadCustomer customer, BotWording wording, LoadRecorder recorder, TimeZoneInfo zone, Random random, bool cancelOnly = false)
{
    private const string AskToReschedule = "I'd like to reschedule";
    private const string Cancel = "cancel";

    /// <summary>A conversation that keeps failing is given up rather than counted again and again.</summary>
    private const int MaxFailuresInARow = 5;

    /// <summary>Walks while <paramref name="keepWalking"/> says so; the turn under way when it stops is finished first.</summary>
    public async Task RunAsync(Func<bool> keepWalking)
    {
        var (message, step) = cancelOnly ? (Cancel, Steps.Cancel) : (AskToReschedule, Steps.Ask);
        var failures = 0;
        var recovering = false;
        while (keepWalking())
        {
            var turn = await client.SendAsync(message, EndsTurn, CancellationToken.None) with { Step = step };
            var (next, nextStep, finishedWalk, problem) = turn.Failure == TurnFailure.None ? Answer(turn) : (null, "", false, turn.Problem);
            if (turn.Failure == TurnFailure.None && problem is not null)
            {
                turn = turn.Failed(TurnFailure.Unexpected, problem);
            }

            // After a failure, replies to the failed turn may still trickle in; otherwise a reply
            // after the turn's end means the end of a turn was misjudged.
            if (turn.LateReplies > 0 && !recovering && turn.Failure == TurnFailure.None)
            {
                turn = turn.Failed(TurnFailure.Unexpected, $"{turn.LateReplies} reply(ies) to an earlier message arrived after its turn had ended");
            }

            recorder.Add(turn, finishedWalk);
            if (turn.Failure == TurnFailure.None)
            {
                failures = 0;
                recovering = false;
                (message, step) = (next!, nextStep);
                continue;
            }

            if (++failures >= MaxFailuresInARow)
            {
                recorder.GaveUp($"{customer.Reference}: {MaxFailuresInARow} failed turns in a row; the last: {turn.Problem}");
                return;
            }

            recovering = true;
            (message, step) = (Cancel, Steps.Cancel);
        }
    }

    /// <summary>Besides a question, these close a turn: the walk's end, and the answers to "cancel".</summary>
    private bool EndsTurn(StreamedActivity reply) =>
        wording.Is("reschedule.done", reply.Text) || wording.Is("root.cancelled", reply.Text) || wording.Is("root.nothingToCancel", reply.Text);

    /// <summary>What to say next, from the bot's replies; or why they were not what the walk expects.</summary>
    private (string? Next, string Step, bool FinishedWalk, string? Problem) Answer(TurnResult turn)
    {
        var replies = turn.Replies;
        var last = replies[^1].Text;
        if (replies.FirstOrDefault(r => wording.Is("reschedule.found", r.Text) || wording.Is("reschedule.done", r.Text)) is { } about
            && !about.Text!.Contains(customer.Reference, StringComparison.Ordinal))
        {
            return (null, "", false, $"{customer.Reference} was answered about another booking: {about}");
        }

        if (wording.Is("reschedule.done", last))
        {
            return (AskToReschedule, Steps.Ask, true, null);
        }

        (string Text, string Step)? next =
            wording.Is("reschedule.askReference", last) ? (customer.Reference, Steps.Reference)
            : wording.Is("reschedule.askIdentity", last) ? (customer.Name, Steps.Name)
            : wording.Is("reschedule.askReason", last) ? ("Skip", Steps.Skip)
            : wording.Is("reschedule.askWhen", last) || wording.Is("reschedule.askWhenAgain", last) ? (RandomTime(), Steps.Time)
            : wording.Is("reschedule.confirm", last) ? ("yes", Steps.Yes)
            : wording.Is("reschedule.nearest", last) || wording.Is("reschedule.inWindow", last) || wording.Is("reschedule.whichAppointment", last) ? ("1", Steps.Pick)
            : wording.Is("reschedule.noneNear", last) ? ("Another time", Steps.AnotherTime)
            : wording.Is("root.cancelled", last) || wording.Is("root.nothingToCancel", last) ? (cancelOnly ? (Cancel, Steps.Cancel) : (AskToReschedule, Steps.Ask))
            : null;
        return next is { } answer
            ? (answer.Text, answer.Step, false, null)
            : (null, "", false, $"{customer.Reference} said \"{turn.Text}\" and got {string.Join(" / ", replies)}");
    }

    /// <summary>A weekday 3–25 days ahead, on the half hour between 08:00 and 16:30, as an English speaker writes it.</summary>
    private string RandomTime()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        DateOnly day;
        do
        {
            day = today.AddDays(random.Next(3, 26));
        }
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

        var time = new TimeOnly(8, 0).AddMinutes(30 * random.Next(0, 18));
        return $"{day.ToString("d MMMM", CultureInfo.InvariantCulture)} at {time.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The names of the walk's steps in the report, in the order they come.</summary>
    public static class Steps
    {
        public const string Ask = "I'd like to reschedule";
        public const string Reference = "the reference";
        public const string Name = "the name";
        public const string Skip = "Skip (reason)";
        public const string Time = "a time";
        public const string Pick = "1 (an offered time)";
        public const string AnotherTime = "Another time";
        public const string Yes = "yes (moves it)";
        public const string Cancel = "cancel";

        public static IReadOnlyList<string> InOrder { get; } = [Ask, Reference, Name, Skip, Time, Pick, AnotherTime, Yes, Cancel];
    }
}
