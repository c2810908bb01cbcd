using System.Text.Json;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;

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

    public static async Task<List<AppointmentView>> ReadAsync(
        SqliteConnection connection, Guid customerId, DateTime now, int limit, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        await using var read = Sql.Command(connection, null, Upcoming,
            ("@customer", customerId), ("@booked", AppointmentStatus.Booked), ("@now", now), ("@limit", limit));
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var views = new List<AppointmentView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            views.Add(new AppointmentView(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetGuid(2),
                reader.GetGuid(3),
                reader.GetString(4),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)) ?? [],
                reader.GetGuid(6),
                reader.GetString(7),
                AppointmentViews.Local(Sql.ReadTime(reader, 8), zone),
                AppointmentViews.Local(Sql.ReadTime(reader, 9), zone),
                reader.GetInt32(10)));
        }

        return views;
    }
}
