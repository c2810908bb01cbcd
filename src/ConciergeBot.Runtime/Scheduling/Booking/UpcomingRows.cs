using System.Text.Json;
using ConciergeBot.Storage;

namespace ConciergeBot.Scheduling.Booking;

/// <summary>
/// A customer's upcoming appointments in plain SQL: the first question of every reschedule, where a
/// query through EF Core cost more than the read itself. It reads what <see cref="AppointmentViews.Rows"/>
/// would for the same filter, in the same order, with the service names in their stored JSON.
/// </summary>
internal static class UpcomingRows
{
    private const string Upcoming = """
        SELECT a."Id", a."Reference", a."CustomerId", a."ServiceId", s."Code", s."Names", a."ResourceId", r."Name", a."Start", a."End", a."RescheduleCount"
        FROM "Appointments" a
        JOIN "Services" s ON s."Id" = a."ServiceId"
        JOIN "Resources" r ON r."Id" = a."ResourceId"
        WHERE a."CustomerId" = @customer AND a."Status" = @booked AND a."Start" > @now
        ORDER BY a."Start"
        LIMIT @limit
        """;

    public static List<AppointmentView> Read(ReadConnection read, Guid customerId, DateTime now, int limit, TimeZoneInfo zone) =>
        read.Rows(Upcoming,
            r => new AppointmentView(
                r.GetGuid(0),
                r.GetString(1),
                r.GetGuid(2),
                r.GetGuid(3),
                r.GetString(4),
                JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(5)) ?? [],
                r.GetGuid(6),
                r.GetString(7),
                AppointmentViews.Local(Sql.ReadTime(r, 8), zone),
                AppointmentViews.Local(Sql.ReadTime(r, 9), zone),
                r.GetInt32(10)),
            ("@customer", customerId), ("@booked", AppointmentStatus.Booked), ("@now", now), ("@limit", limit));
}
