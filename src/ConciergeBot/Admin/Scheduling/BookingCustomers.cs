using ConciergeBot.Customers;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// Finds the customer a booking is for by phone number, the address the bot knows them by on SMS and
/// WhatsApp, so a customer booked by staff or imported is the same one who later writes to the bot.
/// </summary>
internal static class BookingCustomers
{
    public static async Task<Customer?> FindByPhoneAsync(ConciergeDb db, string phone, CancellationToken cancellationToken)
    {
        var customerId = await db.CustomerAddresses.AsNoTracking()
            .Where(a => a.Kind == CustomerAddresses.Phone && a.Value == phone)
            .Select(a => (Guid?)a.CustomerId)
            .FirstOrDefaultAsync(cancellationToken);
        return customerId is { } id ? await db.Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
    }

    /// <summary>Adds a new customer with the phone number as their address; saved with the booking.</summary>
    public static Customer Add(ConciergeDb db, string name, string phone, DateTime now)
    {
        var customer = new Customer
        {
            Id = Guid.NewGuid(),
            DisplayName = name.Trim(),
            CreatedAt = now,
            Addresses = [new CustomerAddress { Kind = CustomerAddresses.Phone, Value = phone }],
        };
        db.Customers.Add(customer);
        return customer;
    }

    /// <summary>The names and phone numbers of the given customers, for answers that show who an appointment is for.</summary>
    public static async Task<Dictionary<Guid, (string Name, string? Phone)>> DescribeAsync(ConciergeDb db, IEnumerable<Guid> customerIds, CancellationToken cancellationToken)
    {
        var ids = customerIds.Distinct().ToList();
        var found = new Dictionary<Guid, (string, string?)>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Customers.AsNoTracking()
                .Where(c => chunk.Contains(c.Id))
                .Select(c => new
                {
                    c.Id,
                    c.DisplayName,
                    Phone = c.Addresses.Where(a => a.Kind == CustomerAddresses.Phone).Select(a => a.Value).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                found[row.Id] = (row.DisplayName, row.Phone);
            }
        }

        return found;
    }
}
