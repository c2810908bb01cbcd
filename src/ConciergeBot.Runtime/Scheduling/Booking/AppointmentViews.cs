using System.Linq.Expressions;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Scheduling.Booking;

internal static class AppointmentViews
{
    /// <summary>The appointments <paramref name="filter"/> picks, with their service and resource, in start order.</summary>
    public static IQueryable<AppointmentRow> Rows(ConciergeDb db, Expression<Func<Appointment, bool>> filter) =>
        from a in db.Appointments.AsNoTracking().Where(filter)
        join s in db.Services on a.ServiceId equals s.Id
        join r in db.Resources on a.ResourceId equals r.Id
        orderby a.Start
        select new AppointmentRow(a, s.Code, s.Names, r.Name);

    public static AppointmentView ToView(this AppointmentRow row, TimeZoneInfo zone) => new(
        row.Appointment.Id,
        row.Appointment.Reference,
        row.Appointment.CustomerId,
        row.Appointment.ServiceId,
        row.ServiceCode,
        row.ServiceNames,
        row.Appointment.ResourceId,
        row.ResourceName,
        Local(row.Appointment.Start, zone),
        Local(row.Appointment.End, zone),
        row.Appointment.RescheduleCount);

    public static DateTimeOffset Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);

    internal sealed record AppointmentRow(Appointment Appointment, string ServiceCode, Dictionary<string, string> ServiceNames, string ResourceName);
}
