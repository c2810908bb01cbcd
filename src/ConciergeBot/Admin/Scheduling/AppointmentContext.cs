using ConciergeBot.Conversations;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>What every appointment handler needs from the host, bound with <c>[AsParameters]</c>.</summary>
internal sealed record AppointmentContext(IDbContextFactory<ConciergeDb> DbFactory, BusinessDirectory Businesses, TimeProvider Clock, CancellationToken CancellationToken);

internal static class AppointmentLookup
{
    /// <summary>The appointment with its history; tracked when the caller is going to change it.</summary>
    public static async Task<Appointment?> FindAsync(ConciergeDb db, Guid businessId, string reference, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.Appointments.Include(a => a.History).Where(a => a.BusinessId == businessId && a.Reference == reference);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
    }

    public static NotFoundProblem NotFound(string reference) => AdminProblems.NotFound($"There is no appointment '{reference}'.");
}
