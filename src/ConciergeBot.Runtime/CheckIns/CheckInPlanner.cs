using ConciergeBot.Conversations;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConciergeBot.CheckIns;

/// <summary>
/// Finds the appointments that need a contact and writes its row: a check-in for each one completed
/// (however it was completed: the admin API, an import, another writer, or its end passing when the
/// business counts that as done) and a reminder for each one coming up. Reading the appointments
/// rather than hooking every writer means nothing is missed, and the unique index per appointment,
/// kind and appointment time keeps two instances planning at once from writing two rows.
/// </summary>
public sealed class CheckInPlanner(
    IDbContextFactory<ConciergeDb> dbFactory,
    DatabaseWriter writer,
    TurnDbFactory dbs,
    BusinessDirectory businesses,
    IOptions<CheckInOptions> checkIns,
    IOptions<ReminderOptions> reminders)
{
    private const int Batch = 500;

    /// <returns>How many rows were written.</returns>
    public async Task<int> PlanAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = new List<CheckIn>();
        if (checkIns.Value.Enabled)
        {
            rows.AddRange(await VisitsAsync(now, cancellationToken));
        }

        if (reminders.Value.Enabled)
        {
            rows.AddRange(await RemindersAsync(now, cancellationToken));
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        return await writer.WriteAsync((connection, transaction) =>
        {
            using var db = dbs.Within(connection, transaction);
            var written = 0;
            foreach (var row in rows)
            {
                // Checked on the writer, inside its transaction: no other writer can add the same row in between.
                // A visit is asked about once; a reminder once per time the appointment is at.
                if (!db.CheckIns.Any(c => c.AppointmentId == row.AppointmentId && c.Kind == row.Kind
                    && (row.Kind != CheckInKind.Reminder || c.AppointmentStart == row.AppointmentStart)))
                {
                    db.CheckIns.Add(row);
                    written++;
                }
            }

            db.SaveChanges();
            return written;
        }, cancellationToken);
    }

    private async Task<List<CheckIn>> VisitsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var options = checkIns.Value;
        var utc = now.UtcDateTime;
        var endedSince = utc - options.Lookback;
        var endPassed = options.CompleteWhenEndPassed ? options.EndPassedStatus : (AppointmentStatus?)null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var done = await db.Appointments.AsNoTracking()
            .Where(a => a.End >= endedSince
                && (a.Status == AppointmentStatus.Completed || (a.Status == endPassed && a.End <= utc))
                && !db.CheckIns.Any(c => c.AppointmentId == a.Id && c.Kind == CheckInKind.Visit))
            .OrderBy(a => a.End)
            .Select(a => new { a.Id, a.CustomerId, a.Status, a.Start, a.End, a.UpdatedAt })
            .Take(Batch)
            .ToListAsync(cancellationToken);
        var quiet = QuietHours.Parse(options.QuietHours);
        var zone = businesses.Current.TimeZone;
        return [.. done.Select(a =>
        {
            // Marked completed: counted from when it was marked (late paperwork asks later, not never); otherwise from its end.
            var doneAt = a.Status == AppointmentStatus.Completed && a.UpdatedAt > a.End ? a.UpdatedAt : a.End;
            var due = quiet.NextAllowed(new DateTimeOffset(doneAt + options.Delay, TimeSpan.Zero), zone);
            return New(CheckInKind.Visit, a.Id, a.CustomerId, a.Start, due, utc);
        })];
    }

    private async Task<List<CheckIn>> RemindersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var options = reminders.Value;
        var utc = now.UtcDateTime;
        // Planned a little ahead of the due time, so the row is there when the minute comes.
        var until = utc + options.Before + TimeSpan.FromHours(1);
        var from = utc + options.MinimumLead;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coming = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Booked && a.Start > from && a.Start <= until
                && !db.CheckIns.Any(c => c.AppointmentId == a.Id && c.Kind == CheckInKind.Reminder && c.AppointmentStart == a.Start))
            .OrderBy(a => a.Start)
            .Select(a => new { a.Id, a.CustomerId, a.Start })
            .Take(Batch)
            .ToListAsync(cancellationToken);
        return [.. coming.Select(a => New(CheckInKind.Reminder, a.Id, a.CustomerId, a.Start, ReminderDue(a.Start, now), utc))];
    }

    /// <summary>When the reminder for an appointment starting at <paramref name="startUtc"/> goes out: <c>Before</c> ahead, outside quiet hours, not in the past.</summary>
    public DateTimeOffset ReminderDue(DateTime startUtc, DateTimeOffset now)
    {
        var due = new DateTimeOffset(startUtc - reminders.Value.Before, TimeSpan.Zero);
        var allowed = QuietHours.Parse(checkIns.Value.QuietHours).NextAllowed(due < now ? now : due, businesses.Current.TimeZone);
        return allowed;
    }

    private static CheckIn New(CheckInKind kind, Guid appointmentId, Guid customerId, DateTime appointmentStart, DateTimeOffset due, DateTime now) => new()
    {
        Kind = kind,
        AppointmentId = appointmentId,
        AppointmentStart = appointmentStart,
        CustomerId = customerId,
        DueAt = due.UtcDateTime,
        CreatedAt = now,
    };
}
