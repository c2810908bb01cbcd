using System.Globalization;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// Says what a refused booking ran into. The database's trigger is what refuses (whoever writes, even
/// between our check and our write); this only looks, afterwards, for the appointment in the way.
/// </summary>
internal static class DoubleBooking
{
    public const string Title = "Double booking.";

    public static async Task<string> DescribeAsync(ConciergeDb db, Appointment wanted, ScheduleCatalog catalog, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var other = await db.Appointments.AsNoTracking()
            .Where(a => a.ResourceId == wanted.ResourceId && a.Id != wanted.Id
                && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Completed)
                && a.BlockedStart < wanted.BlockedEnd && wanted.BlockedStart < a.BlockedEnd)
            .OrderBy(a => a.BlockedStart)
            .FirstOrDefaultAsync(cancellationToken);
        var resource = catalog.ResourceOf(wanted.ResourceId).Code;
        if (other is null)
        {
            return $"The resource '{resource}' is already booked at that time.";
        }

        var start = BusinessTime.ToLocal(other.Start, zone);
        var end = BusinessTime.ToLocal(other.End, zone);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"The resource '{resource}' is already booked on {start:yyyy-MM-dd} from {start:HH:mm} to {end:HH:mm} ({other.Reference}); the time kept free before and after each appointment counts too.");
    }
}
