using ConciergeBot.Scheduling.Booking;
using System.Diagnostics;
using ConciergeBot.Conversations;
using ConciergeBot.Customers;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ConciergeBot.Admin.Scheduling;

public enum ImportFormat
{
    Json,
    Csv,
}

/// <summary>
/// Brings a booking system's appointments in, row by row: a row is created, updated, left unchanged or
/// refused on its own. Rows are written in transactions of <see cref="RowsPerTransaction"/>, each row in
/// its own savepoint: a refused row (say, an overlap the database's trigger rejects) is undone alone,
/// one commit covers many rows, and the write lock is never held for long, so the bot keeps answering
/// during a large import.
/// </summary>
public sealed partial class AppointmentImporter(
    IDbContextFactory<ConciergeDb> dbFactory,
    BusinessDirectory businesses,
    TimeProvider clock,
    ILogger<AppointmentImporter> logger)
{
    private const int RowsPerTransaction = 200;

    public async Task<ImportResult> ImportAsync(IReadOnlyList<ImportRow?> rows, ImportFormat format, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var business = businesses.Current;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Each row's savepoint is ours; EF's own savepoint around every SaveChanges would only double them.
        db.Database.AutoSavepointsEnabled = false;
        var run = new ImportRun(db, business, await ScheduleCatalog.LoadAsync(db, business.Id, cancellationToken), format, clock.GetUtcNow().UtcDateTime);
        await run.LoadCustomersAsync(rows, cancellationToken);

        for (var first = 0; first < rows.Count; first += RowsPerTransaction)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var index in Enumerable.Range(first, Math.Min(RowsPerTransaction, rows.Count - first)))
            {
                await run.ImportRowAsync(index + 1, rows[index], transaction, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var result = run.Result(rows.Count);
        LogImported(result.Rows, result.Created, result.Updated, result.Unchanged, result.Failed, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Rows} appointment row(s): {Created} created, {Updated} updated, {Unchanged} unchanged, {Failed} failed, in {ElapsedMs} ms")]
    private partial void LogImported(int rows, int created, int updated, int unchanged, int failed, long elapsedMs);

    private sealed record ValidRow(string Reference, string Phone, string? Name, Service Service, Resource Resource, DateTime Start, AppointmentStatus Status);

    /// <summary>One import's state: what it has counted, the customers it knows by phone, the references it has seen.</summary>
    private sealed class ImportRun(ConciergeDb db, BusinessProfile business, ScheduleCatalog catalog, ImportFormat format, DateTime now)
    {
        private readonly Dictionary<string, Guid> _customersByPhone = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _rowOfReference = new(StringComparer.Ordinal);
        private readonly List<ImportRowError> _errors = [];
        private int _created;
        private int _updated;
        private int _unchanged;

        public ImportResult Result(int rows) => new(rows, _created, _updated, _unchanged, _errors.Count, _errors);

        /// <summary>The customers the rows' phone numbers already belong to, read in a few queries instead of one per row.</summary>
        public async Task LoadCustomersAsync(IReadOnlyList<ImportRow?> rows, CancellationToken cancellationToken)
        {
            var phones = rows
                .Select(r => r?.CustomerPhone is { } raw ? CustomerAddresses.NormalizePhone(raw) : null)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList();
            foreach (var chunk in phones.Chunk(500))
            {
                var found = await db.CustomerAddresses.AsNoTracking()
                    .Where(a => a.Kind == CustomerAddresses.Phone && chunk.Contains(a.Value))
                    .Select(a => new { a.Value, a.CustomerId })
                    .ToListAsync(cancellationToken);
                foreach (var address in found)
                {
                    _customersByPhone[address.Value] = address.CustomerId;
                }
            }
        }

        public async Task ImportRowAsync(int number, ImportRow? row, IDbContextTransaction transaction, CancellationToken cancellationToken)
        {
            // Each row starts from what the database holds: nothing a failed row left behind is saved with the next.
            db.ChangeTracker.Clear();
            var errors = new ValidationErrors();
            var valid = Validate(number, row, errors);
            if (valid is null)
            {
                Fail(number, row?.Reference, errors.Summary());
                return;
            }

            var existing = await db.Appointments.FirstOrDefaultAsync(a => a.Reference == valid.Reference, cancellationToken);
            _customersByPhone.TryGetValue(valid.Phone, out var knownCustomer);
            if (existing is not null && knownCustomer != Guid.Empty && Same(existing, valid, knownCustomer))
            {
                _unchanged++;
                return;
            }

            if (knownCustomer == Guid.Empty && valid.Name is null)
            {
                Fail(number, valid.Reference, $"{Field("customerName")}: Required for a customer not known yet ({Field("customerPhone")} is new).");
                return;
            }

            await transaction.CreateSavepointAsync("import_row", cancellationToken);
            var customerId = knownCustomer != Guid.Empty ? knownCustomer : BookingCustomers.Add(db, valid.Name!, valid.Phone, now).Id;
            var appointment = existing ?? NewAppointment(valid, customerId);
            if (existing is null)
            {
                db.Appointments.Add(appointment);
            }
            else
            {
                Update(existing, valid, customerId);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.ReleaseSavepointAsync("import_row", cancellationToken);
                _customersByPhone[valid.Phone] = customerId;
                if (existing is null)
                {
                    _created++;
                }
                else
                {
                    _updated++;
                }
            }
            catch (DbUpdateException ex)
            {
                await transaction.RollbackToSavepointAsync("import_row", cancellationToken);
                var message = StoreErrors.IsDoubleBooking(ex)
                    ? await DoubleBooking.DescribeAsync(db, appointment, catalog, business.TimeZone, cancellationToken)
                    : StoreErrors.IsUniqueViolation(ex)
                        ? "Another writer saved the same reference or phone number at the same moment; import the row again."
                        : ex.InnerException?.Message ?? ex.Message;
                Fail(number, valid.Reference, message);
            }
        }

        private ValidRow? Validate(int number, ImportRow? row, ValidationErrors errors)
        {
            if (row is null)
            {
                errors.Add("row", "Empty.");
                return null;
            }

            var reference = row.Reference?.Trim();
            if (string.IsNullOrEmpty(reference))
            {
                errors.Add(Field("reference"), "Required: it is how a row is matched when imported again.");
            }
            else if (!BookingReferences.IsValid(reference))
            {
                errors.Add(Field("reference"), "Letters, digits, '.', '_', '/' and '-' only, at most 64 characters.");
            }
            else if (!_rowOfReference.TryAdd(reference, number))
            {
                errors.Add(Field("reference"), $"Also in row {_rowOfReference[reference]}; each appointment once per import.");
            }

            var phone = row.CustomerPhone is { } raw ? CustomerAddresses.NormalizePhone(raw) : null;
            if (phone is null)
            {
                errors.Add(Field("customerPhone"), row.CustomerPhone is null ? "Required." : "Not a phone number: +62812..., 62812... or 0812....");
            }

            errors.Text(Field("customerName"), row.CustomerName, 200, required: false);
            var status = row.Status is null ? AppointmentStatus.Booked : StatusNames.Parse(row.Status);
            if (status is null)
            {
                errors.Add(Field("status"), $"Unknown status '{row.Status}': booked, completed, cancelled or no-show.");
            }

            var booking = catalog.ForBooking(row.Service, row.Resource, status is null || Appointment.Blocks(status.Value), errors, Field("service"), Field("resource"));
            if (!BusinessTime.TryParseInstant(row.Start, business.TimeZone, out var start, out var startError))
            {
                errors.Add(Field("start"), startError);
            }

            return errors.Any || booking is not var (service, resource)
                ? null
                : new ValidRow(reference!, phone!, string.IsNullOrWhiteSpace(row.CustomerName) ? null : row.CustomerName.Trim(), service, resource, start, status!.Value);
        }

        private static bool Same(Appointment existing, ValidRow row, Guid customerId) =>
            existing.CustomerId == customerId && existing.ServiceId == row.Service.Id && existing.ResourceId == row.Resource.Id
            && existing.Start == row.Start && existing.Status == row.Status;

        private Appointment NewAppointment(ValidRow row, Guid customerId)
        {
            var appointment = new Appointment
            {
                Id = Guid.NewGuid(),
                BusinessId = business.Id,
                Reference = row.Reference,
                CustomerId = customerId,
                ServiceId = row.Service.Id,
                Status = row.Status,
                CreatedAt = now,
                UpdatedAt = now,
            };
            appointment.Place(row.Resource.Id, row.Start, row.Service);
            appointment.History.Add(new AppointmentChange
            {
                At = now,
                Kind = AppointmentChangeKind.Imported,
                Actor = Actors.Import,
                ToStart = appointment.Start,
                ToResourceId = appointment.ResourceId,
            });
            return appointment;
        }

        private void Update(Appointment existing, ValidRow row, Guid customerId)
        {
            var changed = new List<string>();
            if (existing.CustomerId != customerId)
            {
                changed.Add("customer");
            }

            if (existing.ServiceId != row.Service.Id)
            {
                changed.Add("service");
            }

            if (existing.ResourceId != row.Resource.Id)
            {
                changed.Add("resource");
            }

            if (existing.Start != row.Start)
            {
                changed.Add("start");
            }

            if (existing.Status != row.Status)
            {
                changed.Add($"status {StatusNames.Of(existing.Status)} → {StatusNames.Of(row.Status)}");
            }

            db.AppointmentChanges.Add(new AppointmentChange
            {
                AppointmentId = existing.Id,
                At = now,
                Kind = AppointmentChangeKind.Updated,
                Actor = Actors.Import,
                Reason = "Changed in the booking system: " + string.Join(", ", changed) + ".",
                FromStart = existing.Start,
                FromResourceId = existing.ResourceId,
                ToStart = row.Start,
                ToResourceId = row.Resource.Id,
            });
            existing.CustomerId = customerId;
            existing.ServiceId = row.Service.Id;
            existing.Status = row.Status;
            existing.Place(row.Resource.Id, row.Start, row.Service);
            existing.UpdatedAt = now;
        }

        private void Fail(int number, string? reference, string message)
        {
            _errors.Add(new ImportRowError(number, string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(), message));
        }

        /// <summary>A field as the client named it: a CSV column, or a JSON property.</summary>
        private string Field(string camelCase) => format == ImportFormat.Csv
            ? string.Concat(camelCase.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()))
            : camelCase;
    }
}
