using ConciergeBot.Storage;
using ConciergeBot.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// Changes staff make to an existing appointment: move it, cancel it, mark it done or missed. Each writes
/// a history row with the actor "admin"; a staff move does not count against the customer's reschedule limit.
/// </summary>
public static class AppointmentChangeEndpoints
{
    private const int MaxReason = 1000;

    public static RouteGroupBuilder MapAppointmentChanges(this RouteGroupBuilder appointments)
    {
        appointments.MapPut("/{reference}", Reschedule).WithName("RescheduleAppointment")
            .WithSummary("Moves a booked appointment to another start and/or resource (a staff reschedule, recorded with its reason; not counted against the customer).");
        appointments.MapPost("/{reference}/cancel", (string reference, AppointmentStatusRequest? request, [AsParameters] AppointmentContext context) =>
                ChangeStatusAsync(reference, AppointmentStatus.Cancelled, request, context))
            .WithName("CancelAppointment").WithSummary("Cancels a booked appointment, with the reason.");
        appointments.MapPost("/{reference}/complete", (string reference, AppointmentStatusRequest? request, [AsParameters] AppointmentContext context) =>
                ChangeStatusAsync(reference, AppointmentStatus.Completed, request, context))
            .WithName("CompleteAppointment").WithSummary("Marks an appointment as done (also corrects a no-show).");
        appointments.MapPost("/{reference}/no-show", (string reference, AppointmentStatusRequest? request, [AsParameters] AppointmentContext context) =>
                ChangeStatusAsync(reference, AppointmentStatus.NoShow, request, context))
            .WithName("MarkAppointmentNoShow").WithSummary("Marks an appointment as missed by the customer (also corrects a completion).");
        return appointments;
    }

    private static async Task<Results<Ok<AppointmentResponse>, ValidationProblem, NotFoundProblem, ConflictProblem>> Reschedule(
        string reference, RescheduleAppointmentRequest request, [AsParameters] AppointmentContext context)
    {
        var business = context.Businesses.Current;
        var cancellationToken = context.CancellationToken;
        var now = context.Clock.GetUtcNow().UtcDateTime;
        await using var db = await context.DbFactory.CreateDbContextAsync(cancellationToken);
        var appointment = await AppointmentLookup.FindAsync(db, business.Id, reference, cancellationToken, tracked: true);
        if (appointment is null)
        {
            return AppointmentLookup.NotFound(reference);
        }

        var catalog = await ScheduleCatalog.LoadAsync(db, business.Id, cancellationToken);
        var service = catalog.ServiceOf(appointment.ServiceId);
        var errors = new ValidationErrors();
        if (request.Start is null && request.Resource is null)
        {
            errors.Add("start", "Give a new start, a new resource, or both.");
        }

        var start = appointment.Start;
        if (request.Start is not null && !BusinessTime.TryParseInstant(request.Start, business.TimeZone, out start, out var startError))
        {
            errors.Add("start", startError);
        }

        var resource = catalog.ResourceOf(appointment.ResourceId);
        if (request.Resource is not null)
        {
            var named = catalog.Resource(request.Resource.Trim());
            if (named is null)
            {
                errors.Add("resource", $"Unknown resource '{request.Resource}'.");
            }
            else if (!named.Active)
            {
                errors.Add("resource", $"The resource '{named.Code}' is not active.");
            }
            else if (named.Services.All(s => s.ServiceId != service.Id))
            {
                errors.Add("resource", $"The resource '{named.Code}' does not perform the service '{service.Code}'.");
            }
            else
            {
                resource = named;
            }
        }

        errors.Text("reason", request.Reason, MaxReason, required: false);
        if (errors.Any)
        {
            return errors.Problem();
        }

        if (appointment.Status != AppointmentStatus.Booked)
        {
            return AdminProblems.Conflict("Not booked.", $"'{reference}' is {StatusNames.Of(appointment.Status)}; only a booked appointment can be moved.");
        }

        if (start == appointment.Start && resource.Id == appointment.ResourceId)
        {
            return TypedResults.Ok(await AppointmentViews.DescribeAsync(db, catalog, business, appointment, cancellationToken));
        }

        var change = new AppointmentChange
        {
            At = now,
            Kind = AppointmentChangeKind.Rescheduled,
            Actor = Actors.Admin,
            Reason = Reason(request.Reason),
            FromStart = appointment.Start,
            FromResourceId = appointment.ResourceId,
            ToStart = start,
            ToResourceId = resource.Id,
        };
        appointment.Place(resource.Id, start, service);
        appointment.UpdatedAt = now;
        appointment.History.Add(change);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsDoubleBooking(ex))
        {
            return AdminProblems.Conflict(DoubleBooking.Title, await DoubleBooking.DescribeAsync(db, appointment, catalog, business.TimeZone, cancellationToken));
        }

        return TypedResults.Ok(await AppointmentViews.DescribeAsync(db, catalog, business, appointment, cancellationToken));
    }

    private static async Task<Results<Ok<AppointmentResponse>, ValidationProblem, NotFoundProblem, ConflictProblem>> ChangeStatusAsync(
        string reference, AppointmentStatus target, AppointmentStatusRequest? request, AppointmentContext context)
    {
        var business = context.Businesses.Current;
        var cancellationToken = context.CancellationToken;
        var errors = new ValidationErrors();
        errors.Text("reason", request?.Reason, MaxReason, required: false);
        if (errors.Any)
        {
            return errors.Problem();
        }

        await using var db = await context.DbFactory.CreateDbContextAsync(cancellationToken);
        var appointment = await AppointmentLookup.FindAsync(db, business.Id, reference, cancellationToken, tracked: true);
        if (appointment is null)
        {
            return AppointmentLookup.NotFound(reference);
        }

        var catalog = await ScheduleCatalog.LoadAsync(db, business.Id, cancellationToken);
        if (appointment.Status == target)
        {
            // Asked twice (a retried call): the appointment already is what was asked.
            return TypedResults.Ok(await AppointmentViews.DescribeAsync(db, catalog, business, appointment, cancellationToken));
        }

        if (!CanChange(appointment.Status, target))
        {
            return AdminProblems.Conflict(
                "Not possible in this status.",
                $"'{reference}' is {StatusNames.Of(appointment.Status)}; it cannot become {StatusNames.Of(target)}.");
        }

        var now = context.Clock.GetUtcNow().UtcDateTime;
        appointment.Status = target;
        appointment.UpdatedAt = now;
        appointment.History.Add(new AppointmentChange
        {
            At = now,
            Kind = target switch
            {
                AppointmentStatus.Cancelled => AppointmentChangeKind.Cancelled,
                AppointmentStatus.Completed => AppointmentChangeKind.Completed,
                _ => AppointmentChangeKind.NoShow,
            },
            Actor = Actors.Admin,
            Reason = Reason(request?.Reason),
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsDoubleBooking(ex))
        {
            // A no-show corrected to completed takes its time again, which may have been given to someone else.
            return AdminProblems.Conflict(DoubleBooking.Title, await DoubleBooking.DescribeAsync(db, appointment, catalog, business.TimeZone, cancellationToken));
        }

        return TypedResults.Ok(await AppointmentViews.DescribeAsync(db, catalog, business, appointment, cancellationToken));
    }

    /// <summary>Booked appointments end one way or another; completed and no-show may be corrected into each other; cancelled is final.</summary>
    private static bool CanChange(AppointmentStatus from, AppointmentStatus to) => (from, to) switch
    {
        (AppointmentStatus.Booked, _) => true,
        (AppointmentStatus.Completed, AppointmentStatus.NoShow) => true,
        (AppointmentStatus.NoShow, AppointmentStatus.Completed) => true,
        _ => false,
    };

    private static string? Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
}
