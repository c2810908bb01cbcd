using ConciergeBot.Scheduling.Booking;
using ConciergeBot.Customers;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// <c>/api/admin/appointments</c>: the schedule as staff see it, and bookings they make. Changes to an
/// existing appointment are in <see cref="AppointmentChangeEndpoints"/>.
/// </summary>
public static class AppointmentEndpoints
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;
    private const int MaxPage = 100_000;
    private const int MaxNotes = 2000;

    public static RouteGroupBuilder MapAppointments(this RouteGroupBuilder admin)
    {
        var appointments = admin.MapGroup("/appointments").WithTags("Appointments");
        appointments.MapGet("/", List).WithName("ListAppointments")
            .WithSummary("Appointments by start time, filtered by period, status, customer, resource and service; paged.");
        appointments.MapGet("/{reference}", Get).WithName("GetAppointment").WithSummary("One appointment with its history.");
        appointments.MapPost("/", Create).WithName("CreateAppointment")
            .WithSummary("Books an appointment for a customer (by id, or by phone number and name: created when new); 409 when it overlaps another booking on the resource.");
        appointments.MapAppointmentChanges();
        return admin;
    }

    private static async Task<Results<Ok<AppointmentPage>, ValidationProblem>> List([AsParameters] AppointmentFilter filter, [AsParameters] AppointmentContext context)
    {
        var business = context.Businesses.Current;
        var cancellationToken = context.CancellationToken;
        await using var db = await context.DbFactory.CreateDbContextAsync(cancellationToken);
        var catalog = await ScheduleCatalog.LoadAsync(db, business.Id, cancellationToken);
        var errors = new ValidationErrors();
        var query = db.Appointments.AsNoTracking().Where(a => a.BusinessId == business.Id);

        if (filter.From is not null)
        {
            if (BusinessTime.TryParseRangeStart(filter.From, business.TimeZone, out var from, out var error))
            {
                query = query.Where(a => a.Start >= from);
            }
            else
            {
                errors.Add("from", error);
            }
        }

        if (filter.To is not null)
        {
            if (BusinessTime.TryParseRangeEnd(filter.To, business.TimeZone, out var to, out var error))
            {
                query = query.Where(a => a.Start < to);
            }
            else
            {
                errors.Add("to", error);
            }
        }

        if (filter.Status is not null)
        {
            if (StatusNames.Parse(filter.Status) is { } status)
            {
                query = query.Where(a => a.Status == status);
            }
            else
            {
                errors.Add("status", "One of booked, completed, cancelled, noShow.");
            }
        }

        if (filter.CustomerId is { } customerId)
        {
            query = query.Where(a => a.CustomerId == customerId);
        }

        if (filter.Resource is not null)
        {
            if (catalog.Resource(filter.Resource) is { } resource)
            {
                query = query.Where(a => a.ResourceId == resource.Id);
            }
            else
            {
                errors.Add("resource", $"Unknown resource '{filter.Resource}'.");
            }
        }

        if (filter.Service is not null)
        {
            if (catalog.Service(filter.Service) is { } service)
            {
                query = query.Where(a => a.ServiceId == service.Id);
            }
            else
            {
                errors.Add("service", $"Unknown service '{filter.Service}'.");
            }
        }

        errors.Range("page", filter.Page, 1, MaxPage, required: false);
        errors.Range("pageSize", filter.PageSize, 1, MaxPageSize, required: false);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var page = filter.Page ?? 1;
        var pageSize = filter.PageSize ?? DefaultPageSize;
        var total = await query.CountAsync(cancellationToken);
        var found = await query.OrderBy(a => a.Start).ThenBy(a => a.Reference)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var items = await AppointmentViews.DescribeAsync(db, catalog, business, found, withHistory: false, cancellationToken);
        return TypedResults.Ok(new AppointmentPage(items, page, pageSize, total));
    }

    private static async Task<Results<Ok<AppointmentResponse>, NotFoundProblem>> Get(string reference, [AsParameters] AppointmentContext context)
    {
        var business = context.Businesses.Current;
        await using var db = await context.DbFactory.CreateDbContextAsync(context.CancellationToken);
        var appointment = await AppointmentLookup.FindAsync(db, business.Id, reference, context.CancellationToken);
        if (appointment is null)
        {
            return AppointmentLookup.NotFound(reference);
        }

        var catalog = await ScheduleCatalog.LoadAsync(db, business.Id, context.CancellationToken);
        return TypedResults.Ok(await AppointmentViews.DescribeAsync(db, catalog, business, appointment, context.CancellationToken));
    }

    private static async Task<Results<Created<AppointmentResponse>, ValidationProblem, ConflictProblem>> Create(
        CreateAppointmentRequest request, [AsParameters] AppointmentContext context)
    {
        var business = context.Businesses.Current;
        var cancellationToken = context.CancellationToken;
        var now = context.Clock.GetUtcNow().UtcDateTime;
        await using var db = await context.DbFactory.CreateDbContextAsync(cancellationToken);
        var catalog = await ScheduleCatalog.LoadAsync(db, business.Id, cancellationToken);
        var errors = new ValidationErrors();

        var reference = request.Reference?.Trim();
        if (reference is not null && !BookingReferences.IsValid(reference))
        {
            errors.Add("reference", "Letters, digits, '.', '_', '/' and '-' only, at most 64 characters; leave it out to have one made.");
        }

        var customer = await CustomerAsync(db, request, errors, now, cancellationToken);
        var booking = catalog.ForBooking(request.Service, request.Resource, bookable: true, errors);
        if (!BusinessTime.TryParseInstant(request.Start, business.TimeZone, out var start, out var startError))
        {
            errors.Add("start", startError);
        }

        errors.Text("notes", request.Notes, MaxNotes, required: false);
        if (errors.Any || customer is null || booking is not var (service, resource))
        {
            return errors.Problem();
        }

        if (reference is not null && await db.Appointments.AnyAsync(a => a.Reference == reference, cancellationToken))
        {
            return ReferenceTaken(reference);
        }

        reference ??= BookingReferences.Unused(business.Name, r => db.Appointments.Any(a => a.Reference == r));
        var appointment = new Appointment
        {
            Id = Guid.NewGuid(),
            BusinessId = business.Id,
            Reference = reference,
            CustomerId = customer.Id,
            ServiceId = service.Id,
            Status = AppointmentStatus.Booked,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        appointment.Place(resource.Id, start, service);
        appointment.History.Add(new AppointmentChange
        {
            At = now,
            Kind = AppointmentChangeKind.Created,
            Actor = Actors.Admin,
            ToStart = appointment.Start,
            ToResourceId = appointment.ResourceId,
        });
        db.Appointments.Add(appointment);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsDoubleBooking(ex))
        {
            return AdminProblems.Conflict(DoubleBooking.Title, await DoubleBooking.DescribeAsync(db, appointment, catalog, business.TimeZone, cancellationToken));
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            // Someone else took the reference, or the phone number for a new customer, in the meantime.
            return AdminProblems.Conflict("Taken in the meantime.", "Another booking or customer was saved with the same reference or phone number at the same moment; try again.");
        }

        var created = await AppointmentViews.DescribeAsync(db, catalog, business, appointment, cancellationToken);
        return TypedResults.Created($"/api/admin/appointments/{Uri.EscapeDataString(reference)}", created);
    }

    /// <summary>The customer the request names: by id, or by phone number (created with the given name when new).</summary>
    private static async Task<Customer?> CustomerAsync(ConciergeDb db, CreateAppointmentRequest request, ValidationErrors errors, DateTime now, CancellationToken cancellationToken)
    {
        if (request.CustomerId is { } id)
        {
            var byId = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (byId is null)
            {
                errors.Add("customerId", $"Unknown customer {id}.");
            }

            return byId;
        }

        if (string.IsNullOrWhiteSpace(request.CustomerPhone))
        {
            errors.Add("customerId", "Give the customer's id, or their phone number (and name, for a new customer).");
            return null;
        }

        if (CustomerAddresses.NormalizePhone(request.CustomerPhone) is not { } phone)
        {
            errors.Add("customerPhone", "Not a phone number: +62812..., 62812... or 0812....");
            return null;
        }

        if (await BookingCustomers.FindByPhoneAsync(db, phone, cancellationToken) is { } known)
        {
            return known;
        }

        if (!errors.Text("customerName", request.CustomerName, 200))
        {
            return null;
        }

        return BookingCustomers.Add(db, request.CustomerName!, phone, now);
    }

    private static ConflictProblem ReferenceTaken(string reference) =>
        AdminProblems.Conflict("The reference is taken.", $"There already is an appointment '{reference}'.");
}
