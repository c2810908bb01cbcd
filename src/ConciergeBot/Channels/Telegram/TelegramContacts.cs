using ConciergeBot.Customers;
using ConciergeBot.Storage;
using Microsoft.Data.Sqlite;

namespace ConciergeBot.Channels.Telegram;

/// <summary>
/// A customer who shares their own phone number becomes known on Telegram: their Telegram user id
/// joins the customer with that number (created if the number is new), and the conversation is theirs
/// from the next turn on, so "reschedule" finds their bookings without asking who they are.
/// </summary>
internal static class TelegramContacts
{
    private const string CustomerOf = """SELECT "CustomerId" FROM "CustomerAddresses" WHERE "Kind" = @kind AND "Value" = @value""";

    private const string AddAddress = """INSERT INTO "CustomerAddresses" ("CustomerId", "Kind", "Value") VALUES (@customer, @kind, @value)""";

    private const string MoveAddress = """UPDATE "CustomerAddresses" SET "CustomerId" = @customer WHERE "Kind" = @kind AND "Value" = @value""";

    private const string AddCustomer = """INSERT INTO "Customers" ("Id", "DisplayName", "PreferredLanguage", "CreatedAt") VALUES (@id, @name, NULL, @at)""";

    // The version moves so a turn already running on the old row commits nothing and runs again with the customer known.
    private const string OwnConversation = """
        UPDATE "Conversations" SET "CustomerId" = @customer, "Version" = "Version" + 1
        WHERE "Id" = @id AND ("CustomerId" IS NULL OR "CustomerId" <> @customer)
        """;

    /// <summary>Inside the write that stages the contact's message, after the conversation row exists.</summary>
    public static Guid Link(SqliteConnection connection, SqliteTransaction transaction, SharedContact contact, string telegramUserId, string conversationId, DateTimeOffset now)
    {
        var byPhone = Find(connection, transaction, CustomerAddresses.Phone, contact.Phone);
        var byTelegram = Find(connection, transaction, CustomerAddresses.Telegram, telegramUserId);
        Guid customer;
        if (byPhone is { } owner)
        {
            // The phone number is the stronger proof: a Telegram account linked before to someone else moves to its owner.
            customer = owner;
            if (byTelegram is null)
            {
                Execute(connection, transaction, AddAddress, ("@customer", owner), ("@kind", CustomerAddresses.Telegram), ("@value", telegramUserId));
            }
            else if (byTelegram != owner)
            {
                Execute(connection, transaction, MoveAddress, ("@customer", owner), ("@kind", CustomerAddresses.Telegram), ("@value", telegramUserId));
            }
        }
        else if (byTelegram is { } known)
        {
            customer = known;
            Execute(connection, transaction, AddAddress, ("@customer", known), ("@kind", CustomerAddresses.Phone), ("@value", contact.Phone));
        }
        else
        {
            customer = Guid.NewGuid();
            Execute(connection, transaction, AddCustomer, ("@id", customer), ("@name", contact.DisplayName), ("@at", now.UtcDateTime));
            Execute(connection, transaction, AddAddress, ("@customer", customer), ("@kind", CustomerAddresses.Phone), ("@value", contact.Phone));
            Execute(connection, transaction, AddAddress, ("@customer", customer), ("@kind", CustomerAddresses.Telegram), ("@value", telegramUserId));
        }

        Execute(connection, transaction, OwnConversation, ("@customer", customer), ("@id", conversationId));
        return customer;
    }

    private static Guid? Find(SqliteConnection connection, SqliteTransaction transaction, string kind, string value)
    {
        using var find = Sql.Command(connection, transaction, CustomerOf, ("@kind", kind), ("@value", value));
        return find.ExecuteScalar() is string id ? Guid.Parse(id) : null;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string text, params (string Name, object? Value)[] parameters)
    {
        using var command = Sql.Command(connection, transaction, text, parameters);
        command.ExecuteNonQuery();
    }
}
