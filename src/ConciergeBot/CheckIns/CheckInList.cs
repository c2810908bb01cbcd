using ConciergeBot.Admin.Scheduling;
using ConciergeBot.CheckIns;
using ConciergeBot.Conversations;
using ConciergeBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.CheckIns;

/// <summary>One contact the bot starts itself, as staff see it: what, for which booking, where it stands, and what came of it.</summary>
public sealed record CheckInView(
    Guid Id,
    string Kind,
    string Status,
    string? Appointment,
    Guid? HandoffCaseId,
    DateTimeOffset DueAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? AnsweredAt,
    int? Score,
    string? Outcome,
    string? Reason,
    int Attempts);

/// <summary><c>GET /api/admin/check-ins</c>: reminders and check-ins, newest due first.</summary>
public static class CheckInList
{
    private const int MaxItems = 500;

    public static RouteGroupBuilder MapCheckInList(this RouteGroupBuilder admin)
    {
        admin.MapGet("/check-ins", ListAsync)
            .WithName("ListCheckIns")
            .WithTags("Check-ins")
            .WithSummary("Check-ins after visits and handoffs and reminders before appointments, newest due first (at most 500): ?status=scheduled|started|sent|answered|expired|skipped|failed|undeliverable, ?kind=visit|reminder|handoff, ?appointment=<reference>.");
        return admin;
    }

    private static async Task<Results<Ok<List<CheckInView>>, ValidationProblem>> ListAsync(
        string? status, string? kind, string? appointment, IDbContextFactory<ConciergeDb> dbFactory, BusinessDirectory businesses, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        CheckInStatus? wantedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse<CheckInStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                wantedStatus = parsed;
            }
            else
            {
                errors.Add("status", $"Unknown status '{status}'.");
            }
        }

        CheckInKind? wantedKind = null;
        if (kind is not null)
        {
            if (Enum.TryParse<CheckInKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                wantedKind = parsed;
            }
            else
            {
                errors.Add("kind", $"Unknown kind '{kind}': visit, reminder or handoff.");
            }
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var zone = businesses.Current.TimeZone;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.CheckIns.AsNoTracking();
        if (wantedStatus is { } s)
        {
            rows = rows.Where(c => c.Status == s);
        }

        if (wantedKind is { } k)
        {
            rows = rows.Where(c => c.Kind == k);
        }

        var reference = appointment?.Trim().ToUpperInvariant();
        var found = await (
                from c in rows
                join a in db.Appointments.AsNoTracking() on c.AppointmentId equals a.Id into booked
                from a in booked.DefaultIfEmpty()
                where reference == null || (a != null && a.Reference.ToUpper() == reference)
                orderby c.DueAt descending
                select new { c, Reference = a == null ? null : a.Reference })
            .Take(MaxItems)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(found.Select(x => new CheckInView(
            x.c.Id,
            x.c.Kind.ToString().ToLowerInvariant(),
            x.c.Status.ToString().ToLowerInvariant(),
            x.Reference,
            x.c.HandoffCaseId,
            BusinessTime.ToLocal(x.c.DueAt, zone),
            x.c.StartedAt is { } started ? BusinessTime.ToLocal(started, zone) : null,
            x.c.AnsweredAt is { } answered ? BusinessTime.ToLocal(answered, zone) : null,
            x.c.Score,
            x.c.Outcome,
            x.c.Reason,
            x.c.Attempts)).ToList());
    }
}
