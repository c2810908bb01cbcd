using ConciergeBot.Events;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Scheduling.Booking;

/// <summary>
/// The rows a hold and a move read and write on the single writer, in plain SQL: every write in the
/// queue waits behind these, so they cost what the SQL costs and no more. Values are in EF Core's formats
/// (<see cref="Sql"/>); the database's own double-booking trigger still checks every update.
/// </summary>
internal static class RescheduleRows
{
    /// <summary>What a move checks and changes of an appointment.</summary>
    public sealed record MovingAppointment(
        string Reference, Guid CustomerId, Guid ServiceId, Guid ResourceId, DateTime Start, DateTime End, AppointmentStatus Status, int RescheduleCount);

    public static void DeleteHoldsOfOrExpired(SqliteConnection connection, SqliteTransaction transaction, string holder, DateTime now)
    {
        var delete = Sql.Kept(connection, transaction, """
            DELETE FROM "SlotHolds" WHERE "Holder" = @holder OR "ExpiresAt" <= @now
            """, ("@holder", holder), ("@now", now));
        delete.ExecuteNonQuery();
    }

    public static void DeleteHoldsOf(SqliteConnection connection, SqliteTransaction transaction, string holder)
    {
        var delete = Sql.Kept(connection, transaction, """DELETE FROM "SlotHolds" WHERE "Holder" = @holder""", ("@holder", holder));
        delete.ExecuteNonQuery();
    }

    public static void InsertHold(SqliteConnection connection, SqliteTransaction transaction, SlotHold hold)
    {
        var insert = Sql.Kept(connection, transaction, """
            INSERT INTO "SlotHolds" ("ResourceId", "BlockedStart", "BlockedEnd", "Holder", "AppointmentId", "ExpiresAt")
            VALUES (@resource, @blockedStart, @blockedEnd, @holder, @appointment, @expires)
            """, ("@resource", hold.ResourceId), ("@blockedStart", hold.BlockedStart), ("@blockedEnd", hold.BlockedEnd),
            ("@holder", hold.Holder), ("@appointment", hold.AppointmentId), ("@expires", hold.ExpiresAt));
        insert.ExecuteNonQuery();
    }

    public static bool ChangeMade(SqliteConnection connection, SqliteTransaction transaction, string idempotencyKey)
    {
        var find = Sql.Kept(connection, transaction, """
            SELECT 1 FROM "AppointmentChanges" WHERE "IdempotencyKey" = @key LIMIT 1
            """, ("@key", idempotencyKey));
        return find.ExecuteScalar() is not null;
    }

    /// <exception cref="InvalidOperationException">No appointment has that id.</exception>
    public static MovingAppointment Appointment(SqliteConnection connection, SqliteTransaction transaction, Guid id)
    {
        var read = Sql.Kept(connection, transaction, """
            SELECT "Reference", "CustomerId", "ServiceId", "ResourceId", "Start", "End", "Status", "RescheduleCount"
            FROM "Appointments" WHERE "Id" = @id
            """, ("@id", id));
        using var reader = read.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"Appointment {id} does not exist.");
        }

        return new MovingAppointment(
            reader.GetString(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3),
            Sql.ReadTime(reader, 4), Sql.ReadTime(reader, 5), (AppointmentStatus)reader.GetInt32(6), reader.GetInt32(7));
    }

    /// <summary>Writes a move's new place; the no-overlap trigger refuses it (a <see cref="SqliteException"/>) if another writer took the time.</summary>
    public static void Move(SqliteConnection connection, SqliteTransaction transaction, Appointment moved)
    {
        var update = Sql.Kept(connection, transaction, """
            UPDATE "Appointments" SET "ResourceId" = @resource, "Start" = @start, "End" = @end, "BlockedStart" = @blockedStart,
                "BlockedEnd" = @blockedEnd, "RescheduleCount" = @count, "UpdatedAt" = @at
            WHERE "Id" = @id
            """, ("@resource", moved.ResourceId), ("@start", moved.Start), ("@end", moved.End), ("@blockedStart", moved.BlockedStart),
            ("@blockedEnd", moved.BlockedEnd), ("@count", moved.RescheduleCount), ("@at", moved.UpdatedAt), ("@id", moved.Id));
        update.ExecuteNonQuery();
    }

    public static void InsertChange(SqliteConnection connection, SqliteTransaction transaction, AppointmentChange change)
    {
        var insert = Sql.Kept(connection, transaction, """
            INSERT INTO "AppointmentChanges" ("AppointmentId", "At", "Kind", "Actor", "Reason", "FromStart", "ToStart",
                "FromResourceId", "ToResourceId", "ConversationId", "IdempotencyKey")
            VALUES (@appointment, @at, @kind, @actor, @reason, @fromStart, @toStart, @fromResource, @toResource, @conversation, @key)
            """, ("@appointment", change.AppointmentId), ("@at", change.At), ("@kind", change.Kind), ("@actor", change.Actor), ("@reason", change.Reason),
            ("@fromStart", change.FromStart), ("@toStart", change.ToStart), ("@fromResource", change.FromResourceId), ("@toResource", change.ToResourceId),
            ("@conversation", change.ConversationId), ("@key", change.IdempotencyKey));
        insert.ExecuteNonQuery();
    }

    public static void InsertEvent(SqliteConnection connection, SqliteTransaction transaction, BusinessEvent e)
    {
        var insert = Sql.Kept(connection, transaction, """
            INSERT INTO "BusinessEvents" ("EventId", "Type", "PayloadJson", "OccurredAt", "Status", "Attempts", "NextAttemptAt")
            VALUES (@eventId, @type, @payload, @at, @status, @attempts, @next)
            """, ("@eventId", e.EventId), ("@type", e.Type), ("@payload", e.PayloadJson), ("@at", e.OccurredAt),
            ("@status", e.Status), ("@attempts", e.Attempts), ("@next", e.NextAttemptAt));
        insert.ExecuteNonQuery();
    }
}
