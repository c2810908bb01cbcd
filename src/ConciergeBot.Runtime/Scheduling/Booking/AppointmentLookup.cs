using ConciergeBot.Conversations;
using ConciergeBot.Customers;
using ConciergeBot.Language;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Scheduling.Booking;

/// <summary>Finds a customer's appointments: by who they are, or by a booking reference checked against a second fact.</summary>
public sealed class AppointmentLookup(IDbContextFactory<ConciergeDb> dbs, DatabaseConnections connections, BusinessDirectory businesses, TimeProvider clock)
{
    /// <summary>The customer's booked appointments that have not started yet, soonest first.</summary>
    public async Task<IReadOnlyList<AppointmentView>> UpcomingAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var read = await connections.OpenAsync(cancellationToken);
        return UpcomingRows.Read(read, customerId, clock.GetUtcNow().UtcDateTime, 10, businesses.Current.TimeZone);
    }

    /// <summary>The re-read of one appointment, e.g. before offering times for it.</summary>
    public async Task<AppointmentView?> GetAsync(Guid appointmentId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var row = await AppointmentViews.Rows(db, a => a.Id == appointmentId).FirstOrDefaultAsync(cancellationToken);
        return row?.ToView(businesses.Current.TimeZone);
    }

    /// <summary>
    /// The upcoming booked appointment with the reference written in <paramref name="referenceText"/>
    /// ("BMJ-1001", "bmj 1001", "kode saya BMJ1001"), if <paramref name="nameOrPhone"/> matches its
    /// customer: their phone number, or their name (a first name is enough). Null when either does
    /// not match, without saying which: a guessed reference alone reveals nothing.
    /// </summary>
    public async Task<AppointmentView?> FindByReferenceAsync(string referenceText, string nameOrPhone, CancellationToken cancellationToken)
    {
        var candidates = BookingReferences.Candidates(referenceText);
        if (candidates.Count == 0)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var row = await AppointmentViews.Rows(db, a => candidates.Contains(a.Reference.Replace("-", "").Replace(" ", "").ToUpper())
                && a.Status == AppointmentStatus.Booked && a.Start > now)
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().Include(c => c.Addresses)
            .FirstAsync(c => c.Id == row.Appointment.CustomerId, cancellationToken);
        return Matches(customer, nameOrPhone) ? row.ToView(businesses.Current.TimeZone) : null;
    }

    private static bool Matches(Customer customer, string fact)
    {
        if (CustomerAddresses.NormalizePhone(fact) is { } phone)
        {
            return customer.Addresses.Any(a => a.Kind == CustomerAddresses.Phone && a.Value == phone);
        }

        var given = TextNormalizer.Words(fact).Where(w => w.Length > 1).ToArray();
        var name = TextNormalizer.Words(customer.DisplayName);
        return given.Length > 0 && name.Length > 0 && given.All(name.Contains) && given.Contains(name[0]);
    }
}
