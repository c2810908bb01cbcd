using System.Globalization;
using ConciergeBot.Activities;
using ConciergeBot.Dialogs.Prompts;
using ConciergeBot.Language;
using ConciergeBot.Dialogs.Reschedule;
using ConciergeBot.Scheduling.Availability;
using ConciergeBot.Scheduling.Booking;
using ConciergeBot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Dialogs.ProblemReport;

/// <param name="Again">The customer's pick was taken meanwhile: say so before offering fresh times.</param>
public sealed record RevisitOptions(string TicketReference, Guid AppointmentId, bool Again = false);

/// <summary>
/// The free re-visit a problem report earned, booked on the spot: the nearest free times for the same
/// service (its resource preferred), a pick books it, and "later" leaves it to the team. A time taken
/// meanwhile brings fresh ones rather than an error.
/// </summary>
public sealed class RevisitDialog : ComponentDialog
{
    public const string DialogId = "problem.revisit";
    private const string MainId = "problem.revisit.main";
    private const string SlotPromptId = "problem.revisit.slot";
    private const string OfferedKey = "offered";
    private const string LaterChoice = "later";
    private const int TimesOffered = 3;

    private readonly AppointmentLookup _appointments;
    private readonly MoveSearch _search;
    private readonly RevisitBooker _booker;

    public RevisitDialog(AppointmentLookup appointments, MoveSearch search, RevisitBooker booker)
        : base(DialogId)
    {
        _appointments = appointments;
        _search = search;
        _booker = booker;
        AddDialog(new WaterfallDialog(MainId, [OfferAsync, BookAsync]));
        AddDialog(new ChoicePrompt(SlotPromptId));
    }

    private async Task<DialogTurnResult> OfferAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var options = step.Options<RevisitOptions>()!;
        var original = await _appointments.GetAsync(options.AppointmentId, cancellationToken);
        var slots = original is null ? [] : await FreeForTheCustomerAsync(turn, original, cancellationToken);
        if (slots.Count == 0)
        {
            await turn.SayAsync(ProblemTexts.Revisit);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.SetValue(OfferedKey, slots);
        var choices = slots
            .Select((s, i) => new Choice(i.ToString(CultureInfo.InvariantCulture), ScheduleWording.Slot(turn, s.Start)))
            .Append(new Choice(LaterChoice, "", ["later", "nanti", "nanti saja", "not now", "lain kali"], ProblemTexts.RevisitLater.Name));
        return await step.PromptAsync(SlotPromptId, PromptOptions.Asking(options.Again ? ProblemTexts.RevisitTaken : ProblemTexts.RevisitOffer, choices), cancellationToken);
    }

    /// <summary>The nearest free times that do not clash with another booking of the customer's own (on any resource).</summary>
    private async Task<List<Slot>> FreeForTheCustomerAsync(Pipeline.TurnContext turn, AppointmentView original, CancellationToken cancellationToken)
    {
        var candidates = await _search.NearestForAnotherAsync(original, turn.Now, turn.ConversationId, TimesOffered * 2, cancellationToken);
        var from = turn.Now.UtcDateTime;
        var own = await turn.Db.Appointments.AsNoTracking()
            .Where(a => a.CustomerId == original.CustomerId && a.Status == Scheduling.AppointmentStatus.Booked && a.End > from)
            .Select(a => new { a.Start, a.End })
            .ToListAsync(cancellationToken);
        return [.. candidates
            .Where(s => !own.Any(a => a.Start < s.End.UtcDateTime && s.Start.UtcDateTime < a.End))
            .OrderBy(s => s.Start)
            .Take(TimesOffered)];
    }

    private async Task<DialogTurnResult> BookAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        var options = step.Options<RevisitOptions>()!;
        if (step.Result is not FoundChoice { Value: not LaterChoice } picked)
        {
            await turn.SayAsync(ProblemTexts.Revisit);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var slot = step.GetValue<List<Slot>>(OfferedKey)![int.Parse(picked.Value, CultureInfo.InvariantCulture)];
        var original = await _appointments.GetAsync(options.AppointmentId, cancellationToken);
        var result = original is null
            ? new RevisitResult(false)
            : await _booker.BookAsync(original, slot, $"Free re-visit for {options.TicketReference}", turn.ConversationId, $"{turn.ConversationId}/{turn.Activity.Id}", cancellationToken);
        if (!result.Booked)
        {
            return await step.ReplaceDialogAsync(MainId, options with { Again = true }, cancellationToken);
        }

        var revisit = result.Appointment!;
        var ticket = await turn.Db.Tickets.FirstAsync(t => t.Reference == options.TicketReference, cancellationToken);
        ticket.Compensation = $"free re-visit {revisit.Reference}";
        ticket.UpdatedAt = turn.Now.UtcDateTime;
        TicketDesk.Record(turn.Db, ticket, "bot", TicketActionKind.Compensated, $"Booked free re-visit {revisit.Reference} for {revisit.Start:yyyy-MM-dd HH:mm}.", turn.Now);
        await turn.SayAsync(ProblemTexts.RevisitBooked, ("when", ScheduleWording.When(turn, revisit.Start)), ("reference", revisit.Reference));
        return await step.EndDialogAsync(null, cancellationToken);
    }
}
