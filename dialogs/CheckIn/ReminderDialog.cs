using ConciergeBot.Activities;
using ConciergeBot.CheckIns;
using ConciergeBot.Dialogs.Prompts;
using ConciergeBot.Dialogs.Reschedule;
using ConciergeBot.Language;
using ConciergeBot.Pipeline;
using ConciergeBot.Scheduling.Booking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Dialogs.CheckIn;

/// <summary>
/// A reminder before a booked appointment, with three quick replies: confirm, reschedule (straight
/// into the reschedule dialog for this appointment) or talk to a person. Anything else, or an
/// answer after the appointment began, is left to the root dialog.
/// </summary>
public sealed class ReminderDialog : ComponentDialog
{
    public const string DialogId = "reminder";
    private const string MainId = "reminder.main";
    private const string ChoicePromptId = "reminder.choice";
    private const string CheckInKey = "checkIn";

    private static readonly List<Choice> Answers =
    [
        new(ReminderOutcomes.Confirmed, "", ["yes", "ok", "oke", "confirm", "confirmed", "i'll be there", "ya", "siap", "hadir", "konfirmasi"], CheckInTexts.Confirm.Name),
        new(ReminderOutcomes.Reschedule, "", IntentRecognizer.Phrases[Intent.Reschedule], CheckInTexts.Reschedule.Name),
        new(ReminderOutcomes.Person, "", IntentRecognizer.Phrases[Intent.Human], CheckInTexts.Person.Name),
    ];

    private readonly ReminderOptions _options;
    private readonly AppointmentLookup _appointments;

    public ReminderDialog(IOptions<ReminderOptions> options, AppointmentLookup appointments)
        : base(DialogId)
    {
        _options = options.Value;
        _appointments = appointments;
        AddDialog(new WaterfallDialog(MainId, [RemindAsync, ActOnAnswerAsync]));
        AddDialog(new ChoicePrompt(ChoicePromptId));
    }

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext inner, object? options, CancellationToken cancellationToken)
    {
        inner.Parent!.ActiveDialog!.State[CheckInKey] = ((CheckInStart)options!).CheckInId.ToString();
        return await base.OnBeginDialogAsync(inner, options, cancellationToken);
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext inner, CancellationToken cancellationToken)
    {
        var turn = inner.Turn;
        var id = Guid.Parse(inner.Parent!.ActiveDialog!.State[CheckInKey]!.GetValue<string>());
        if (turn.Activity.IsMessage && inner.ActiveDialog?.Id == ChoicePromptId)
        {
            var choices = Answers.Select(c => c with { Title = turn.Text(new Localization.TextKey(c.TitleKey!)) }).ToList();
            var answer = turn.Activity.Value is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var tapped) ? tapped : turn.Activity.Text;
            var isOpen = await turn.Db.CheckIns.AnyAsync(c => c.Id == id && (c.Status == CheckInStatus.Started || c.Status == CheckInStatus.Sent), cancellationToken);
            if (!isOpen || ChoiceRecognizer.Recognize(answer, choices) is null)
            {
                return new DialogTurnResult(DialogTurnStatus.Complete, new ProactiveEnded());
            }
        }

        return await inner.ContinueDialogAsync(cancellationToken);
    }

    private async Task<DialogTurnResult> RemindAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var start = step.Options<CheckInStart>()!;
        var row = await turn.Db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == start.CheckInId, cancellationToken);
        var appointment = row?.AppointmentId is { } appointmentId ? await _appointments.GetAsync(appointmentId, cancellationToken) : null;
        if (row is not { IsOpen: true } || appointment is null)
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var name = await CustomerNames.FirstNameAsync(turn, row.CustomerId, cancellationToken) ?? "";
        var service = appointment.ServiceName(turn.Language, turn.Business.DefaultLanguage);
        var when = ScheduleWording.When(turn, appointment.Start);
        var text = turn.Text(CheckInTexts.Reminder, ("name", name), ("service", service), ("when", when), ("reference", appointment.Reference))
            .Replace(" ,", ",", StringComparison.Ordinal);
        var question = CheckInEvents.Tag(MessageFactory.Text(text, InputHints.ExpectingInput), row.Id, _options.Template, turn.Language,
            name, service, when, appointment.Reference);
        return await step.PromptAsync(ChoicePromptId, new PromptOptions { Prompt = question, Choices = Answers }, cancellationToken);
    }

    private static async Task<DialogTurnResult> ActOnAnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var start = step.Options<CheckInStart>()!;
        var choice = (FoundChoice)step.Result!;
        var row = await turn.Db.CheckIns.FirstAsync(c => c.Id == start.CheckInId, cancellationToken);
        row.Outcome = choice.Value;
        row.Status = CheckInStatus.Answered;
        row.AnsweredAt = turn.Now.UtcDateTime;
        row.Version++;
        switch (choice.Value)
        {
            case ReminderOutcomes.Confirmed:
                await turn.SayAsync(CheckInTexts.Confirmed);
                return await step.EndDialogAsync(null, cancellationToken);
            case ReminderOutcomes.Reschedule:
                return await step.ReplaceDialogAsync(RescheduleDialog.DialogId, new RescheduleOptions(AppointmentId: row.AppointmentId), cancellationToken);
            default:
                turn.RequestEscalation(new Escalation(EscalationReasons.CustomerAsked, "answered the appointment reminder"));
                return await step.EndDialogAsync(null, cancellationToken);
        }
    }
}
