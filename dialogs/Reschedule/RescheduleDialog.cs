using ConciergeBot.Activities;
using ConciergeBot.Dialogs.Prompts;
using ConciergeBot.Language;
using ConciergeBot.Language.Time;
using ConciergeBot.Pipeline;
using ConciergeBot.Scheduling;
using ConciergeBot.Scheduling.Booking;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Dialogs.Reschedule;

/// <summary>
/// "Reschedule my appointment": find the appointment (by the customer's channel address, or by a
/// booking reference checked against their name or phone), check the business's policy, ask why
/// when the policy wants to know, then the "when?" loop (<see cref="RescheduleDialog"/>'s other
/// part) offers, holds, confirms and commits the new time.
/// </summary>
public sealed partial class RescheduleDialog : ComponentDialog
{
    public const string DialogId = "reschedule";
    private const string MainId = "reschedule.main";
    private const string IdentifyId = "reschedule.identify";
    private const string RefusedId = "reschedule.refused";
    private const string WhenId = "reschedule.when";
    private const string TextPromptId = "reschedule.text";
    private const string ChoicePromptId = "reschedule.choice";
    private const string SlotPromptId = "reschedule.slot";
    private const string ConfirmPromptId = "reschedule.confirm";
    private const string DatePromptId = "reschedule.date";
    private const string AppointmentsKey = "appointments";
    private const string AppointmentKey = "appointment";
    private const string ReferenceKey = "reference";
    private const string PersonChoice = "person";
    private const string NoThanksChoice = "no-thanks";
    private const string SkipChoice = "skip";
    private const string AnotherTimeChoice = "another-time";

    private readonly AppointmentLookup _lookup;
    private readonly MoveSearch _search;
    private readonly Rescheduler _rescheduler;
    private readonly TimeRecognition _time;
    private readonly SchedulingOptions _options;

    public RescheduleDialog(AppointmentLookup lookup, MoveSearch search, Rescheduler rescheduler, TimeRecognition time, IOptions<SchedulingOptions> options)
        : base(DialogId)
    {
        _lookup = lookup;
        _search = search;
        _rescheduler = rescheduler;
        _time = time;
        _options = options.Value;
        AddDialog(new WaterfallDialog(MainId, [FindAppointmentsAsync, AskWhichAppointmentAsync, CheckPolicyAsync, AskWhenAsync]));
        AddDialog(new WaterfallDialog(IdentifyId, [AskReferenceAsync, AskIdentityAsync, VerifyAsync]));
        AddDialog(new WaterfallDialog(RefusedId, [OfferPersonAsync, ActOnPersonChoiceAsync]));
        AddDialog(new WaterfallDialog(WhenId, [AskNewTimeAsync, OfferSlotsAsync, ConfirmNewTimeAsync, CommitAsync]));
        AddDialog(new TextPrompt(TextPromptId));
        AddDialog(new ChoicePrompt(ChoicePromptId));
        AddDialog(new ChoicePrompt(SlotPromptId, AcceptATimeInsteadAsync));
        AddDialog(new ConfirmPrompt(ConfirmPromptId, AcceptATimeInsteadAsync));
        AddDialog(new DateTimePrompt(DatePromptId, time));
    }

    private async Task<DialogTurnResult> FindAppointmentsAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        if (turn.CustomerId is { } customerId)
        {
            var upcoming = await _lookup.UpcomingAsync(customerId, cancellationToken);
            if (step.Options<RescheduleOptions>()?.AppointmentId is { } known && upcoming.FirstOrDefault(a => a.Id == known) is { } named)
            {
                return await step.NextAsync(named, cancellationToken);
            }

            if (upcoming.Count > 0)
            {
                return await step.NextAsync(upcoming, cancellationToken);
            }

            await turn.SayAsync(RescheduleTexts.NoUpcoming);
        }

        return await step.BeginDialogAsync(IdentifyId, null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskWhichAppointmentAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        IReadOnlyList<AppointmentView> appointments = step.Result switch
        {
            IReadOnlyList<AppointmentView> list => list,
            AppointmentView one => [one],
            _ => [],
        };
        if (appointments.Count == 0)
        {
            // Identification gave up and asked for a person.
            return await step.EndDialogAsync(null, cancellationToken);
        }

        if (appointments.Count == 1)
        {
            return await step.NextAsync(appointments[0], cancellationToken);
        }

        step.SetValue(AppointmentsKey, appointments);
        var turn = step.Turn;
        // "the oil change" or "BMJ-1002" picks an appointment as well as its number does.
        var choices = appointments.Select((a, i) => new Choice(
            i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            turn.Text(RescheduleTexts.AppointmentChoice, ("service", ServiceName(turn, a)), ("when", ScheduleWording.Slot(turn, a.Start))),
            [ServiceName(turn, a), a.Reference]));
        return await step.PromptAsync(ChoicePromptId, PromptOptions.Asking(RescheduleTexts.WhichAppointment, choices), cancellationToken);
    }

    private async Task<DialogTurnResult> CheckPolicyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var appointment = step.Result is FoundChoice picked
            ? step.GetValue<List<AppointmentView>>(AppointmentsKey)![picked.Index]
            : (AppointmentView)step.Result!;
        step.SetValue(AppointmentKey, appointment);
        var service = ServiceName(turn, appointment);
        var when = ScheduleWording.When(turn, appointment.Start);
        var policy = _options.PolicyFor(appointment.ServiceCode);
        switch (policy.Refusal(appointment.Start, appointment.RescheduleCount, turn.Now))
        {
            case RescheduleRefusal.TooClose:
                await turn.SayAsync(RescheduleTexts.TooClose, ("service", service), ("when", when), ("hours", Hours(policy.Cutoff)));
                return await step.ReplaceDialogAsync(RefusedId, appointment, cancellationToken);
            case RescheduleRefusal.TooManyChanges:
                await turn.SayAsync(RescheduleTexts.TooManyChanges, ("count", appointment.RescheduleCount.ToString(Localization.Languages.Culture(turn.Language))));
                return await step.ReplaceDialogAsync(RefusedId, appointment, cancellationToken);
        }

        await turn.SayAsync(RescheduleTexts.Found, ("service", service), ("when", when), ("reference", appointment.Reference));
        return policy.Reason switch
        {
            ReasonRequirement.Required => await step.PromptAsync(TextPromptId, PromptOptions.Asking(RescheduleTexts.AskReasonRequired), cancellationToken),
            ReasonRequirement.Optional => await step.PromptAsync(TextPromptId, PromptOptions.Asking(RescheduleTexts.AskReason, [SkipOption]), cancellationToken),
            _ => await step.NextAsync(null, cancellationToken),
        };
    }

    private async Task<DialogTurnResult> AskWhenAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var reason = step.Result as string;
        if (reason is not null && ChoiceRecognizer.Recognize(reason, [SkipOption with { Title = step.Text(RescheduleTexts.Skip) }]) is not null)
        {
            reason = null;
        }

        var options = new WhenOptions(step.GetValue<AppointmentView>(AppointmentKey)!, reason, FirstMessage: step.Options<RescheduleOptions>()?.FirstMessage);
        return await step.ReplaceDialogAsync(WhenId, options, cancellationToken);
    }

    private static Task<DialogTurnResult> AskReferenceAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync(TextPromptId, PromptOptions.Asking(RescheduleTexts.AskReference), cancellationToken);

    private static Task<DialogTurnResult> AskIdentityAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.SetValue(ReferenceKey, (string)step.Result!);
        var question = PromptOptions.Asking(RescheduleTexts.AskIdentity);
        question.Expects = ExpectedInput.PhoneNumber;
        return step.PromptAsync(TextPromptId, question, cancellationToken);
    }

    private async Task<DialogTurnResult> VerifyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var appointment = await _lookup.FindByReferenceAsync(step.GetValue<string>(ReferenceKey)!, (string)step.Result!, cancellationToken);
        if (appointment is not null)
        {
            // The conversation now belongs to the customer who proved who they are.
            turn.CustomerId = appointment.CustomerId;
            return await step.EndDialogAsync(appointment, cancellationToken);
        }

        var attempts = (step.Options<int?>() ?? 0) + 1;
        if (attempts >= Prompt<string>.DefaultMaxAttempts)
        {
            turn.RequestEscalation(new Escalation(EscalationReasons.RepromptsExhausted, IdentifyId));
            return await step.EndDialogAsync(null, cancellationToken);
        }

        await turn.SayAsync(RescheduleTexts.NotVerified);
        return await step.ReplaceDialogAsync(IdentifyId, attempts, cancellationToken);
    }

    private static Task<DialogTurnResult> OfferPersonAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync(ChoicePromptId, PromptOptions.Asking(RescheduleTexts.OfferPerson, [PersonOption, NoThanksOption]), cancellationToken);

    private static async Task<DialogTurnResult> ActOnPersonChoiceAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var appointment = step.Options<AppointmentView>()!;
        if (((FoundChoice)step.Result!).Value == PersonChoice)
        {
            step.Turn.RequestEscalation(new Escalation(EscalationReasons.PolicyRefusal, $"reschedule {appointment.Reference}"));
            return await step.EndDialogAsync(null, cancellationToken);
        }

        await step.Turn.SayAsync(RescheduleTexts.KeepIt, ("when", ScheduleWording.When(step.Turn, appointment.Start)));
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private static string ServiceName(TurnContext turn, AppointmentView appointment) =>
        appointment.ServiceName(turn.Language, turn.Business.DefaultLanguage);

    private static string Hours(TimeSpan cutoff) => ((int)Math.Round(cutoff.TotalHours)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Choice SkipOption { get; } = new(SkipChoice, "", ["skip", "lewati", "tidak", "no", "-"], RescheduleTexts.Skip.Name);

    private static Choice PersonOption { get; } = new(PersonChoice, "", IntentRecognizer.Phrases[Intent.Human], RescheduleTexts.Person.Name);

    private static Choice NoThanksOption { get; } = new(NoThanksChoice, "", ["no", "tidak", "nggak", "gak", "ga"], RescheduleTexts.NoThanks.Name);

    private static Choice AnotherTimeOption { get; } = new(AnotherTimeChoice, "", ["other", "another", "lain", "yang lain"], RescheduleTexts.AnotherTime.Name);
}
