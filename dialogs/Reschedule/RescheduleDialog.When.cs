using System.Globalization;
using ConciergeBot.Activities;
using ConciergeBot.Dialogs.Prompts;
using ConciergeBot.Language;
using ConciergeBot.Language.Time;
using ConciergeBot.Pipeline;
using ConciergeBot.Scheduling.Availability;
using ConciergeBot.Scheduling.Booking;

namespace ConciergeBot.Dialogs.Reschedule;

/// <summary>
/// The "when?" loop: ask for a time or window, offer it or the nearest free alternatives, hold the
/// one picked while the customer confirms, and commit. Any answer along the way that names another
/// time starts the loop again with that time; "another time" asks again; a slot taken meanwhile
/// offers fresh alternatives.
/// </summary>
public sealed partial class RescheduleDialog
{
    private const int AlternativesOffered = 3;
    private const string OfferedKey = "offered";
    private const string SlotKey = "slot";

    private async Task<DialogTurnResult> AskNewTimeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var options = step.Options<WhenOptions>()!;
        if (options.Requested is { } requested)
        {
            return await step.NextAsync(requested, cancellationToken);
        }

        if (options.FirstMessage is { } first && FutureReading(step.Turn, first) is { } fromFirstMessage)
        {
            return await step.NextAsync(fromFirstMessage, cancellationToken);
        }

        var question = options.AskAgain ? RescheduleTexts.AskWhenAgain : RescheduleTexts.AskWhen;
        return await step.PromptAsync(DatePromptId, PromptOptions.Asking(question), cancellationToken);
    }

    private async Task<DialogTurnResult> OfferSlotsAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var options = step.Options<WhenOptions>()!;
        var appointment = options.Appointment;
        var reading = (TimeReading)step.Result!;
        var holder = turn.ConversationId;
        if (!reading.IsWindow)
        {
            var answer = await _search.AtOrNearestAsync(appointment, reading.Start, holder, AlternativesOffered, cancellationToken);
            if (answer.Free is { } free)
            {
                return await step.NextAsync(new PickedSlot(free), cancellationToken);
            }

            if (!options.Explained)
            {
                await SayWhyNotAsync(turn, appointment, reading.Start, answer.Why!.Value);
            }

            return await OfferAsync(step, answer.Nearest, RescheduleTexts.Nearest, cancellationToken);
        }

        var from = reading.Start > turn.Now ? reading.Start : turn.Now;
        var inWindow = await _search.InWindowAsync(appointment, from, reading.End, holder, AlternativesOffered, cancellationToken);
        if (inWindow.Count > 0)
        {
            return await OfferAsync(step, inWindow, RescheduleTexts.InWindow, cancellationToken);
        }

        var latest = _search.Latest(appointment, turn.Now);
        if (from > latest)
        {
            await turn.SayAsync(RescheduleTexts.TooFar, ("latest", ScheduleWording.Date(turn, latest)));
        }
        else
        {
            await turn.SayAsync(RescheduleTexts.NothingInWindow);
        }

        var target = from > latest ? latest : from;
        return await OfferAsync(step, await _search.NearestAsync(appointment, target, holder, AlternativesOffered, cancellationToken), RescheduleTexts.Nearest, cancellationToken);
    }

    private async Task<DialogTurnResult> ConfirmNewTimeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var options = step.Options<WhenOptions>()!;
        Slot slot;
        switch (step.Result)
        {
            case PickedSlot picked:
                slot = picked.Slot;
                break;
            case FoundChoice { Value: AnotherTimeChoice }:
                return await AskAgainAsync(step, options, cancellationToken);
            case FoundChoice { Value: PersonChoice }:
                turn.RequestEscalation(new Escalation(EscalationReasons.CustomerAsked, $"reschedule {options.Appointment.Reference}"));
                return await step.EndDialogAsync(null, cancellationToken);
            case FoundChoice choice:
                // Offered a turn ago, so others may have taken it since: looked at again before it is held.
                var offered = step.GetValue<List<Slot>>(OfferedKey)![int.Parse(choice.Value, CultureInfo.InvariantCulture)];
                if (await _search.FreeAtAsync(options.Appointment, offered.Start, turn.ConversationId, cancellationToken) is not { } stillFree)
                {
                    await turn.SayAsync(RescheduleTexts.JustTaken, ("when", ScheduleWording.When(turn, offered.Start)));
                    return await StartOverWithAsync(step, options, TimeReading.Point(offered.Start), cancellationToken, explained: true);
                }

                slot = stillFree;
                break;
            default:
                // Not one of the offers but another time ("what about Friday at 9?").
                return await StartOverWithAsync(step, options, FutureReading(turn, turn.Activity.Text ?? "")!, cancellationToken);
        }

        if (!await _rescheduler.HoldAsync(options.Appointment, slot, turn.ConversationId, turn.Writes, cancellationToken))
        {
            await turn.SayAsync(RescheduleTexts.JustTaken, ("when", ScheduleWording.When(turn, slot.Start)));
            return await StartOverWithAsync(step, options, TimeReading.Point(slot.Start), cancellationToken, explained: true);
        }

        step.SetValue(SlotKey, slot);
        var question = PromptOptions.Asking(
            RescheduleTexts.Confirm,
            args: [("service", ServiceName(turn, options.Appointment)), ("old", ScheduleWording.When(turn, options.Appointment.Start)), ("new", ScheduleWording.When(turn, slot.Start))]);
        return await step.PromptAsync(ConfirmPromptId, question, cancellationToken);
    }

    private async Task<DialogTurnResult> CommitAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var options = step.Options<WhenOptions>()!;
        if (step.Result is not true)
        {
            return FutureReading(turn, turn.Activity.Text ?? "") is { } other
                ? await StartOverWithAsync(step, options, other, cancellationToken)
                : await AskAgainAsync(step, options, cancellationToken);
        }

        var slot = step.GetValue<Slot>(SlotKey)!;
        var request = new RescheduleRequest(options.Appointment, slot, options.Reason, turn.ConversationId, $"{turn.ConversationId}/{turn.Activity.Id}");
        var result = await _rescheduler.RescheduleAsync(request, turn.Writes, cancellationToken);
        switch (result.Status)
        {
            case RescheduleStatus.Done:
                var moved = result.Appointment!;
                await turn.SayAsync(RescheduleTexts.Done, ("service", ServiceName(turn, moved)), ("when", ScheduleWording.When(turn, moved.Start)), ("reference", moved.Reference));
                return await step.EndDialogAsync(moved, cancellationToken);
            case RescheduleStatus.SlotTaken or RescheduleStatus.TooFar:
                await turn.SayAsync(RescheduleTexts.JustTaken, ("when", ScheduleWording.When(turn, slot.Start)));
                return await StartOverWithAsync(step, options, TimeReading.Point(slot.Start), cancellationToken, explained: true);
            case RescheduleStatus.Refused:
                var policy = _options.PolicyFor(options.Appointment.ServiceCode);
                await (result.Refusal == Scheduling.RescheduleRefusal.TooClose
                    ? turn.SayAsync(RescheduleTexts.TooClose, ("service", ServiceName(turn, options.Appointment)), ("when", ScheduleWording.When(turn, options.Appointment.Start)), ("hours", Hours(policy.Cutoff)))
                    : turn.SayAsync(RescheduleTexts.TooManyChanges, ("count", options.Appointment.RescheduleCount.ToString(CultureInfo.InvariantCulture))));
                return await step.ReplaceDialogAsync(RefusedId, options.Appointment, cancellationToken);
            default:
                await turn.SayAsync(RescheduleTexts.Changed);
                turn.RequestEscalation(new Escalation(EscalationReasons.OutOfScope, $"reschedule {options.Appointment.Reference}: changed by staff meanwhile"));
                return await step.EndDialogAsync(null, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> OfferAsync(WaterfallStepContext step, IReadOnlyList<Slot> slots, Localization.TextKey question, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        if (slots.Count == 0)
        {
            return await step.PromptAsync(SlotPromptId, PromptOptions.Asking(RescheduleTexts.NoneNear, [AnotherTimeOption, PersonOption]), cancellationToken);
        }

        step.SetValue(OfferedKey, slots);
        var choices = slots
            .Select((s, i) => new Choice(i.ToString(CultureInfo.InvariantCulture), ScheduleWording.Slot(turn, s.Start)))
            .Append(AnotherTimeOption)
            .Append(PersonOption);
        return await step.PromptAsync(SlotPromptId, PromptOptions.Asking(question, choices), cancellationToken);
    }

    private async Task SayWhyNotAsync(TurnContext turn, AppointmentView appointment, DateTimeOffset start, UnavailableReason why)
    {
        var when = ScheduleWording.When(turn, start);
        switch (why)
        {
            case UnavailableReason.Taken:
                await turn.SayAsync(RescheduleTexts.Taken, ("when", when));
                break;
            case UnavailableReason.Closed:
                await turn.SayAsync(RescheduleTexts.Closed, ("service", ServiceName(turn, appointment)), ("when", when));
                break;
            case UnavailableReason.TooSoon:
                await turn.SayAsync(RescheduleTexts.TooSoon, ("when", when));
                break;
            case UnavailableReason.TooFar:
                await turn.SayAsync(RescheduleTexts.TooFar, ("latest", ScheduleWording.Date(turn, _search.Latest(appointment, turn.Now))));
                break;
        }
    }

    private static Task<DialogTurnResult> AskAgainAsync(WaterfallStepContext step, WhenOptions options, CancellationToken cancellationToken) =>
        step.ReplaceDialogAsync(WhenId, options with { Requested = null, FirstMessage = null, AskAgain = true, Explained = false }, cancellationToken);

    private static Task<DialogTurnResult> StartOverWithAsync(WaterfallStepContext step, WhenOptions options, TimeReading requested, CancellationToken cancellationToken, bool explained = false) =>
        step.ReplaceDialogAsync(WhenId, options with { Requested = requested, FirstMessage = null, Explained = explained }, cancellationToken);

    /// <summary>A choice or a yes/no question also accepts a new time instead of an answer.</summary>
    private Task<bool> AcceptATimeInsteadAsync<T>(PromptValidatorContext<T> context, CancellationToken cancellationToken) =>
        Task.FromResult(context.Recognized.Succeeded || FutureReading(context.Turn, context.Turn.Activity.Text ?? "") is not null);

    /// <summary>The first time in <paramref name="text"/> that is not over yet, on the business's calendar.</summary>
    private TimeReading? FutureReading(TurnContext turn, string text)
    {
        var now = turn.Now;
        return _time.Recognize(text, turn.Language, new TimeContext(now, turn.Business.TimeZone))
            .SelectMany(m => (IEnumerable<TimeReading>)[m.Reading, .. m.Alternatives])
            .FirstOrDefault(r => r.Start > now || r.End > now);
    }
}
