using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Scheduling.Availability;

/// <summary>
/// The busy time of a period, read with plain SQL on every search (it changes with every booking, so it
/// is never cached): booked or completed appointments of the business and holds not expired at now,
/// of every resource or of one. The conditions are <see cref="ScheduleReader"/>'s; a hold belongs to the
/// business through its resource, which the caller checks against the calendar's active resources.
/// </summary>
internal static class BusyTimeReader
{
    private const string Appointments = """
        SELECT "Id", "ResourceId", "BlockedStart", "BlockedEnd" FROM "Appointments"
        WHERE "BusinessId" = @business AND "Status" IN (0, 1) AND "BlockedStart" < @end AND "BlockedEnd" > @start
        """;

    private const string AppointmentsOfResource = Appointments + """ AND "ResourceId" = @resource""";

    private const string Holds = """
        SELECT "ResourceId", "Holder", "BlockedStart", "BlockedEnd" FROM "SlotHolds"
        WHERE "ExpiresAt" > @now AND "BlockedStart" < @end AND "BlockedEnd" > @start
        """;

    private const string HoldsOfResource = Holds + """ AND "ResourceId" = @resource""";

    public static List<BusyTime> Read(ReadConnection read, ScheduleCalendar calendar, SchedulePeriod period, DateTimeOffset now)
    {
        var busy = new List<BusyTime>();
        read.Each(Appointments, r => AddAppointment(r, calendar, busy), ("@business", calendar.BusinessId), ("@start", period.Start), ("@end", period.End));
        read.Each(Holds, r => AddHold(r, calendar, busy), ("@now", now.UtcDateTime), ("@start", period.Start), ("@end", period.End));
        return busy;
    }

    /// <summary>One resource's busy time, on the writer's connection (its own uncommitted holds and moves included).</summary>
    public static List<BusyTime> ReadOfResource(
        SqliteConnection connection, SqliteTransaction transaction, ScheduleCalendar calendar, Guid resourceId, SchedulePeriod period, DateTimeOffset now)
    {
        var busy = new List<BusyTime>();
        using (var reader = Sql.Kept(connection, transaction, AppointmentsOfResource,
            ("@business", calendar.BusinessId), ("@start", period.Start), ("@end", period.End), ("@resource", resourceId)).ExecuteReader())
        {
            while (reader.Read())
            {
                AddAppointment(reader, calendar, busy);
            }
        }

        using (var reader = Sql.Kept(connection, transaction, HoldsOfResource,
            ("@now", now.UtcDateTime), ("@start", period.Start), ("@end", period.End), ("@resource", resourceId)).ExecuteReader())
        {
            while (reader.Read())
            {
                AddHold(reader, calendar, busy);
            }
        }

        return busy;
    }

    // Appointments first, then holds, as ScheduleReader lists them; both only on active resources.
    private static void AddAppointment(SqliteDataReader reader, ScheduleCalendar calendar, List<BusyTime> busy)
    {
        var resourceId = reader.GetGuid(1);
        if (calendar.ActiveResourceIds.Contains(resourceId))
        {
            busy.Add(new BusyTime(resourceId, Utc(reader, 2), Utc(reader, 3), AppointmentId: reader.GetGuid(0)));
        }
    }

    private static void AddHold(SqliteDataReader reader, ScheduleCalendar calendar, List<BusyTime> busy)
    {
        var resourceId = reader.GetGuid(0);
        if (calendar.ActiveResourceIds.Contains(resourceId))
        {
            busy.Add(new BusyTime(resourceId, Utc(reader, 2), Utc(reader, 3), Holder: reader.GetString(1)));
        }
    }

    private static DateTimeOffset Utc(SqliteDataReader reader, int ordinal) => new(Sql.ReadTime(reader, ordinal));
}
