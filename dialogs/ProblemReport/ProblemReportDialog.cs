using System.Globalization;
using System.Text.Json;
using ConciergeBot.Activities;
using ConciergeBot.Dialogs.Prompts;
using ConciergeBot.Dialogs.Reschedule;
using ConciergeBot.Events;
using ConciergeBot.Language;
using ConciergeBot.Pipeline;
using ConciergeBot.Scheduling;
using ConciergeBot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Dialogs.ProblemReport;

/// <summary>
/// "Report a problem": the customer says what happened in their own words; the bot finds the category
/// from them (asking only when it cannot), links the appointment concerned (offering their recent
/// ones), takes photos where they help, judges how serious it is (category, words, a repeat problem),
/// opens a ticket, apologises in proportion, gives the reference, applies the compensation rules within
/// what the bot may grant, and hands serious or sensitive cases to a person at high priority.
/// </summary>
public sealed class ProblemReportDialog : ComponentDialog
{
    public const string DialogId = "problem";
    private const string MainId = "problem.main";
    private const string TextPromptId = "problem.text";
    private const string ChoicePromptId = "problem.choice";
    private const string PhotoPromptId = "problem.photo";
    private const string DescriptionKey = "description";
    private const string CategoryKey = "category";
    private const string AppointmentKey = "appointment";
    private const string FilesKey = "files";
    private const string NoneChoice = "none";
    private const string SkipChoice = "skip";
    private const int WordsThatDescribe = 3;

    /// <summary>Words of "I want to report a problem" / "mau lapor masalah" itself, which describe nothing.</summary>
    private static readonly HashSet<string> AskingWords = new(StringComparer.Ordinal)
    {
        "i", "want", "would", "like", "to", "report", "a", "an", "problem", "issue", "complaint", "complain", "make", "have", "there", "is", "please", "my", "can",
        "saya", "aku", "mau", "ingin", "pengen", "lapor", "melapor", "laporkan", "masalah", "keluhan", "komplain", "ada", "mengeluh", "tolong", "bisa",
    };
    private static readonly TimeSpan RecentPast = TimeSpan.FromDays(60);
    private static readonly TimeSpan NearFuture = TimeSpan.FromDays(30);

    private readonly TicketOptions _options;

    public ProblemReportDialog(IOptions<TicketOptions> options, RevisitDialog revisit)
        : base(DialogId)
    {
        _options = options.Value;
        AddDialog(new WaterfallDialog(MainId, [DescribeAsync, CategoryAsync, AppointmentAsync, PhotosAsync, OpenTicketAsync, DoneAsync]));
        AddDialog(revisit);
        AddDialog(new TextPrompt(TextPromptId));
        AddDialog(new ChoicePrompt(ChoicePromptId));
        AddDialog(new TextPrompt(PhotoPromptId, (context, _) => Task.FromResult(context.Recognized.Succeeded || context.Turn.Activity.Attachments is { Count: > 0 })));
    }

    private Task<DialogTurnResult> DescribeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        Collect(step);
        var first = step.Options<ProblemOptions>()?.FirstMessage;
        var describes = first is not null
            && (ProblemAssessment.Category(first, _options) is not null
                || TextNormalizer.Normalize(first).Split(' ').Count(w => !AskingWords.Contains(w)) >= WordsThatDescribe);
        return describes
            ? step.NextAsync(first, cancellationToken)
            : step.PromptAsync(TextPromptId, PromptOptions.Asking(step.Options<ProblemOptions>()?.AskKey is { } key ? new Localization.TextKey(key) : ProblemTexts.AskDescription), cancellationToken);
    }

    private Task<DialogTurnResult> CategoryAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        Collect(step);
        var description = (string)step.Result!;
        step.SetValue(DescriptionKey, description);
        if (ProblemAssessment.Category(description, _options) is { } category)
        {
            return step.NextAsync(category, cancellationToken);
        }

        var choices = _options.Categories.Select(c => new Choice(c.Key, c.Value.Name(step.Turn.Language, c.Key), [.. c.Value.Names.Values]));
        return step.PromptAsync(ChoicePromptId, PromptOptions.Asking(ProblemTexts.AskCategory, choices), cancellationToken);
    }

    private async Task<DialogTurnResult> AppointmentAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        Collect(step);
        step.SetValue(CategoryKey, step.Result is FoundChoice picked ? picked.Value : (string)step.Result!);
        var turn = step.Turn;
        if (step.Options<ProblemOptions>()?.AppointmentId is { } known)
        {
            return await step.NextAsync(known.ToString(), cancellationToken);
        }

        if (turn.CustomerId is not { } customerId)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        var now = turn.Now.UtcDateTime;
        var from = now - RecentPast;
        var to = now + NearFuture;
        var recent = await turn.Db.Appointments.AsNoTracking()
            .Where(a => a.CustomerId == customerId && a.Start >= from && a.Start <= to
                && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Completed))
            .Join(turn.Db.Services, a => a.ServiceId, s => s.Id, (a, s) => new { a.Id, a.Start, a.Reference, s.Names })
            .ToListAsync(cancellationToken);
        if (recent.Count == 0)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        // The most recent first: a problem is usually about the last visit.
        var choices = recent.OrderBy(a => Math.Abs((a.Start - now).Ticks)).Take(3)
            .Select(a =>
            {
                var service = a.Names.TryGetValue(turn.Language, out var name) ? name : a.Names.Values.First();
                var when = turn.Business.ToLocal(new DateTimeOffset(a.Start, TimeSpan.Zero)).ToString(turn.Text(RescheduleTexts.SlotFormat), Localization.Languages.Culture(turn.Language));
                return new Choice(a.Id.ToString(), turn.Text(ProblemTexts.AppointmentChoice, ("service", service), ("when", when)), [service, a.Reference]);
            })
            .Append(new Choice(NoneChoice, "", ["none", "no", "tidak ada", "bukan", "gak ada"], ProblemTexts.NoneOfThese.Name))
            .ToList();
        return await step.PromptAsync(ChoicePromptId, PromptOptions.Asking(ProblemTexts.WhichAppointment, choices), cancellationToken);
    }

    private async Task<DialogTurnResult> PhotosAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        Collect(step);
        var appointment = step.Result switch
        {
            FoundChoice { Value: not NoneChoice } picked => picked.Value,
            string id => id,
            _ => null,
        };
        step.SetValue(AppointmentKey, appointment);
        var category = step.GetValue<string>(CategoryKey)!;
        var wantsPhotos = _options.PhotoCategories.Contains(category, StringComparer.OrdinalIgnoreCase);
        if (!wantsPhotos || Files(step).Count > 0)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        return await step.PromptAsync(PhotoPromptId, PromptOptions.Asking(ProblemTexts.AskPhotos, [new Choice(SkipChoice, "", ["skip", "lewati", "no", "tidak", "gak ada", "nggak"], ProblemTexts.Skip.Name)]), cancellationToken);
    }

    private async Task<DialogTurnResult> OpenTicketAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        Collect(step);
        var files = Files(step);
        if (files.Count > 0 && turn.Activity.Attachments is { Count: > 0 })
        {
            await turn.SayAsync(ProblemTexts.PhotosReceived);
        }

        var description = step.GetValue<string>(DescriptionKey)!;
        var category = step.GetValue<string>(CategoryKey)!;
        var appointmentId = Guid.TryParse(step.GetValue<string>(AppointmentKey), out var id) ? id : (Guid?)null;
        var now = turn.Now;
        var since = (now - _options.RepeatWindow).UtcDateTime;
        var repeat = turn.CustomerId is { } customer && await turn.Db.Tickets.AnyAsync(t => t.CustomerId == customer && t.CreatedAt >= since, cancellationToken);
        var severity = ProblemAssessment.Severity(category, description, repeat, _options);
        var compensation = ProblemAssessment.Compensation(category, severity, _options);
        var linked = appointmentId is { } a
            ? await turn.Db.Appointments.AsNoTracking().Where(x => x.Id == a).Select(x => new { x.ServiceId, x.ResourceId }).FirstOrDefaultAsync(cancellationToken)
            : null;

        var ticket = new Ticket
        {
            Reference = TicketReferences.New(),
            ConversationId = turn.ConversationId,
            Channel = turn.Channel,
            CustomerId = turn.CustomerId,
            Language = turn.Language,
            Category = category,
            Severity = severity,
            Description = description.Length <= 4000 ? description : description[..4000],
            AttachmentsJson = files.Count == 0 ? null : JsonSerializer.Serialize(files, Conversations.StateJson.Options),
            AppointmentId = appointmentId,
            ServiceId = linked?.ServiceId,
            ResourceId = linked?.ResourceId,
            CreatedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
        };
        turn.Db.Tickets.Add(ticket);
        TicketDesk.Record(turn.Db, ticket, "customer", TicketActionKind.Opened,
            $"Reported ({category}, {severity.ToString().ToLowerInvariant()}{(repeat ? ", repeat" : "")}): {ticket.Description}", now);

        var categoryName = _options.CategoryOrOther(category).Name(turn.Language, category);
        var apology = severity switch
        {
            >= Severity.High => ProblemTexts.ApologySerious,
            Severity.Medium => ProblemTexts.ApologyMedium,
            _ => ProblemTexts.ApologyLow,
        };
        await turn.SayAsync(apology, ("category", categoryName.ToLower(Localization.Languages.Culture(turn.Language))));
        await turn.SayAsync(ProblemTexts.Reference, ("reference", ticket.Reference));

        var needsPerson = severity >= _options.EscalateFrom || repeat || compensation.NeedsPerson || AngerRecognizer.IsAngry(description);
        if (compensation.Kind is { } kind)
        {
            var amount = compensation.Amount.ToString("N0", Localization.Languages.Culture(turn.Language)) + " " + _options.Currency;
            switch (kind)
            {
                case CompensationKind.Voucher when !compensation.NeedsPerson:
                    var code = TicketReferences.Voucher(_options.VoucherPrefix);
                    ticket.Compensation = $"voucher {code} worth {compensation.Amount.ToString(CultureInfo.InvariantCulture)} {_options.Currency}";
                    TicketDesk.Record(turn.Db, ticket, "bot", TicketActionKind.Compensated, $"Gave {ticket.Compensation}.", now);
                    await turn.SayAsync(ProblemTexts.Voucher, ("code", code), ("amount", amount));
                    break;
                case CompensationKind.FreeRevisit:
                    ticket.Compensation = "free re-visit offered";
                    TicketDesk.Record(turn.Db, ticket, "bot", TicketActionKind.Compensated, "Offered a free re-visit.", now);
                    if (needsPerson || appointmentId is null)
                    {
                        await turn.SayAsync(ProblemTexts.Revisit);
                    }

                    break;
                default:
                    ticket.Compensation = kind == CompensationKind.Refund ? "refund requested, for a person to approve" : $"{kind} of {amount}, for a person to approve";
                    break;
            }
        }

        if (needsPerson)
        {
            ticket.Escalated = true;
            TicketDesk.Record(turn.Db, ticket, "bot", TicketActionKind.Escalated, "Handed to a person.", now);
            turn.Db.BusinessEvents.Add(BusinessEvents.Create(TicketEventTypes.Opened, TicketEvent.Of(ticket), now));
            if (compensation.NeedsPerson)
            {
                await turn.SayAsync(ProblemTexts.ForAPerson);
            }

            turn.RequestEscalation(new Escalation(EscalationReasons.SeriousProblem,
                $"ticket {ticket.Reference}: {categoryName}, {severity.ToString().ToLowerInvariant()}{(repeat ? ", repeat problem" : "")}{(ticket.Compensation is null ? "" : ", " + ticket.Compensation)}"));
            return await step.EndDialogAsync(null, cancellationToken);
        }

        turn.Db.BusinessEvents.Add(BusinessEvents.Create(TicketEventTypes.Opened, TicketEvent.Of(ticket), now));
        if (compensation.Kind == CompensationKind.FreeRevisit && appointmentId is { } revisitOf)
        {
            return await step.BeginDialogAsync(RevisitDialog.DialogId, new RevisitOptions(ticket.Reference, revisitOf), cancellationToken);
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }

    private static Task<DialogTurnResult> DoneAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(null, cancellationToken);

    /// <summary>Photos and files come with any message of the report; each is kept once.</summary>
    private static void Collect(WaterfallStepContext step)
    {
        if (step.Turn.Activity.Attachments is not { Count: > 0 } attachments)
        {
            return;
        }

        var files = Files(step);
        files.AddRange(attachments.Where(a => a.ContentUrl is not null && files.All(f => f.Url != a.ContentUrl))
            .Select(a => new ReportedFile(a.Name, a.ContentType, a.ContentUrl)));
        step.SetValue(FilesKey, files);
    }

    private static List<ReportedFile> Files(WaterfallStepContext step) => step.GetValue<List<ReportedFile>>(FilesKey) ?? [];
}
