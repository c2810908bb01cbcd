using ConciergeBot.CheckIns;
using ConciergeBot.Dialogs.ProblemReport;
using ConciergeBot.Dialogs.Reschedule;
using ConciergeBot.Pipeline;
using ConciergeBot.Scheduling.Booking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Dialogs.CheckIn;

/// <summary>
/// "Halo Budi, bagaimana layanan Servis berkala Anda kemarin?": a 1–5 question with quick replies,
/// after a visit or after a person helped. A good score is thanked (with the review link when the
/// business has one); a poor one gets an apology and goes on into the problem report with the
/// appointment already linked. Anything that is no score, or a question that has expired, leaves
/// the message to the root dialog: the check-in never stands in the customer's way.
/// </summary>
public sealed class CheckInDialog : ComponentDialog
{
    public const string DialogId = "checkIn";
    private const string MainId = "checkIn.main";
    private const string ScorePromptId = "checkIn.score";
    private const string CheckInKey = "checkIn";

    private readonly CheckInOptions _options;
    private readonly AppointmentLookup _appointments;

    public CheckInDialog(IOptions<CheckInOptions> options, AppointmentLookup appointments)
        : base(DialogId)
    {
        _options = options.Value;
        _appointments = appointments;
        AddDialog(new WaterfallDialog(MainId, [AskScoreAsync, ActOnScoreAsync]));
        AddDialog(new ScorePrompt(ScorePromptId));
    }

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext inner, object? options, CancellationToken cancellationToken)
    {
        var start = (CheckInStart)options!;
        inner.Parent!.ActiveDialog!.State[CheckInKey] = start.CheckInId.ToString();
        return await base.OnBeginDialogAsync(inner, options, cancellationToken);
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext inner, CancellationToken cancellationToken)
    {
        var turn = inner.Turn;
        var id = Guid.Parse(inner.Parent!.ActiveDialog!.State[CheckInKey]!.GetValue<string>());
        if (turn.Activity.IsMessage && inner.ActiveDialog?.Id == ScorePromptId
            && (ScorePrompt.Read(turn.Activity) is null || !await IsOpenAsync(turn, id, cancellationToken)))
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, new ProactiveEnded());
        }

        return await inner.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>The conversation's check-in still waiting for a score, for an answer that comes after the conversation went idle.</summary>
    public static Task<Guid?> WaitingAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.Db.CheckIns.AsNoTracking()
            .Where(c => c.ConversationId == turn.ConversationId && c.Kind != CheckInKind.Reminder
                && (c.Status == CheckInStatus.Started || c.Status == CheckInStatus.Sent))
            .OrderByDescending(c => c.StartedAt)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static Task<bool> IsOpenAsync(TurnContext turn, Guid id, CancellationToken cancellationToken) =>
        turn.Db.CheckIns.AnyAsync(c => c.Id == id && (c.Status == CheckInStatus.Started || c.Status == CheckInStatus.Sent), cancellationToken);

    private async Task<DialogTurnResult> AskScoreAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var start = step.Options<CheckInStart>()!;
        var row = await turn.Db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == start.CheckInId, cancellationToken);
        if (row is not { IsOpen: true })
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        if (start.Answering)
        {
            return await step.NextAsync(ScorePrompt.Read(turn.Activity), cancellationToken);
        }

        var name = await CustomerNames.FirstNameAsync(turn, row.CustomerId, cancellationToken);
        var appointment = row.AppointmentId is { } appointmentId ? await _appointments.GetAsync(appointmentId, cancellationToken) : null;
        string text;
        string[] variables;
        if (appointment is null)
        {
            text = turn.Text(CheckInTexts.AskHandoff, ("name", name ?? ""), ("business", turn.Business.Name));
            variables = [name ?? ""];
        }
        else
        {
            var service = appointment.ServiceName(turn.Language, turn.Business.DefaultLanguage);
            var day = Day(turn, appointment.Start);
            text = turn.Text(CheckInTexts.AskVisit, ("name", name ?? ""), ("service", service), ("day", day));
            variables = [name ?? "", service, day];
        }

        // "Halo , ..." reads badly: without a name the greeting loses its comma.
        text = text.Replace(" ,", ",", StringComparison.Ordinal).Replace(" !", "!", StringComparison.Ordinal);
        var question = CheckInEvents.Tag(Activities.MessageFactory.Text(text, Activities.InputHints.ExpectingInput), row.Id,
            appointment is null ? null : _options.Template, turn.Language, variables);
        return await step.PromptAsync(ScorePromptId, new PromptOptions { Prompt = question }, cancellationToken);
    }

    private async Task<DialogTurnResult> ActOnScoreAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var start = step.Options<CheckInStart>()!;
        var score = (int)step.Result!;
        var row = await turn.Db.CheckIns.FirstAsync(c => c.Id == start.CheckInId, cancellationToken);
        row.Score = score;
        row.Status = CheckInStatus.Answered;
        row.AnsweredAt = turn.Now.UtcDateTime;
        row.Version++;
        if (score >= _options.GoodFrom)
        {
            await turn.SayAsync(CheckInTexts.Thanks);
            if (!string.IsNullOrWhiteSpace(_options.ReviewUrl))
            {
                await turn.SayAsync(CheckInTexts.InviteReview, ("url", _options.ReviewUrl));
            }

            return await step.EndDialogAsync(null, cancellationToken);
        }

        // One question, not two: the apology asks what went wrong, and words given with the score ("2, still leaking") already say it.
        return await step.ReplaceDialogAsync(ProblemReportDialog.DialogId,
            new ProblemOptions(turn.Activity.Text, row.AppointmentId, CheckInTexts.Sorry.Name), cancellationToken);
    }

    /// <summary>"today", "yesterday" or "on Tuesday 1 December", on the business's calendar.</summary>
    private static string Day(TurnContext turn, DateTimeOffset start)
    {
        var today = DateOnly.FromDateTime(turn.Business.ToLocal(turn.Now).DateTime);
        var day = DateOnly.FromDateTime(turn.Business.ToLocal(start).DateTime);
        return day == today ? turn.Text(CheckInTexts.Today)
            : day == today.AddDays(-1) ? turn.Text(CheckInTexts.Yesterday)
            : turn.Text(CheckInTexts.OnDate, ("date", ScheduleWording.Date(turn, start)));
    }
}
