using System.Security.Claims;
using System.Text.Json;
using ConciergeBot.Admin;
using ConciergeBot.Agents;
using ConciergeBot.Dialogs.ProblemReport;
using ConciergeBot.Storage;
using ConciergeBot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Tickets;

/// <param name="CorrectiveAction">What staff changed, as the customer will be told it.</param>
/// <param name="Status">"open", "in-progress" or "resolved".</param>
/// <param name="Note">An internal note for the history.</param>
public sealed record TicketUpdate(string? CorrectiveAction, string? Status, string? Note);

public sealed record TicketActionView(DateTimeOffset At, string Actor, string Kind, string Text);

public sealed record TicketView(
    string Reference,
    string Status,
    string Category,
    string Severity,
    string Description,
    IReadOnlyList<ReportedFile> Files,
    string? AppointmentReference,
    string? Service,
    string? Resource,
    string ConversationId,
    Guid? CustomerId,
    string? Compensation,
    string? CorrectiveAction,
    bool Escalated,
    int Reopened,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<TicketActionView>? History);

/// <summary>
/// Tickets for staff: under <c>/api/admin/tickets</c> with the admin key, and under
/// <c>/api/agent/tickets</c> for signed-in agents (the same operations): list, read, record a
/// corrective action or a status (the customer is told on their channel), and the hot spots.
/// </summary>
public static class TicketApi
{
    public static IEndpointRouteBuilder MapTicketApi(this IEndpointRouteBuilder app)
    {
        Map(app.MapGroup("/api/admin/tickets").WithTags("Tickets").RequireAuthorization(AdminKeyAuthentication.Policy), AdminKeyAuthentication.Policy);

        // The business's figures are for supervisors; every agent works the tickets themselves.
        Map(app.MapGroup("/api/agent/tickets").WithTags("Tickets").RequireAuthorization(AgentAuthentication.AgentPolicy), AgentAuthentication.SupervisorPolicy);
        return app;
    }

    private static void Map(RouteGroupBuilder tickets, string figuresPolicy)
    {
        tickets.MapGet("/", ListAsync);
        tickets.MapGet("/hotspots", HotSpotsAsync).RequireAuthorization(figuresPolicy);
        tickets.MapGet("/{reference}", GetAsync);
        tickets.MapPost("/{reference}/actions", UpdateAsync);
    }

    private static async Task<IResult> ListAsync(string? status, string? category, string? conversation, IDbContextFactory<ConciergeDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Tickets.AsNoTracking();
        if (status is not null)
        {
            if (TicketStatusNames.Parse(status) is not { } wanted)
            {
                return TypedResults.Problem("status is open, in-progress or resolved.", statusCode: StatusCodes.Status400BadRequest);
            }

            query = query.Where(t => t.Status == wanted);
        }

        if (category is not null)
        {
            query = query.Where(t => t.Category == category);
        }

        if (conversation is not null)
        {
            query = query.Where(t => t.ConversationId == conversation);
        }

        var rows = await query.OrderByDescending(t => t.CreatedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(await ViewsAsync(db, rows, withHistory: false, ct));
    }

    private static async Task<IResult> GetAsync(string reference, IDbContextFactory<ConciergeDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Reference == reference.ToUpperInvariant(), ct);
        return ticket is null ? TypedResults.NotFound() : TypedResults.Ok((await ViewsAsync(db, [ticket], withHistory: true, ct))[0]);
    }

    private static async Task<IResult> UpdateAsync(string reference, TicketUpdate body, HttpContext http, TicketDesk desk, IDbContextFactory<ConciergeDb> dbs, CancellationToken ct)
    {
        TicketStatus? status = null;
        if (body.Status is not null && (status = TicketStatusNames.Parse(body.Status)) is null)
        {
            return TypedResults.Problem("status is open, in-progress or resolved.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (status is null && string.IsNullOrWhiteSpace(body.CorrectiveAction) && string.IsNullOrWhiteSpace(body.Note))
        {
            return TypedResults.Problem("Give a correctiveAction, a status or a note.", statusCode: StatusCodes.Status400BadRequest);
        }

        var actor = http.User.IsInRole("admin") ? "admin" : http.User.FindFirstValue(ClaimTypes.Name) ?? "agent";
        var changed = await desk.ChangeAsync(new TicketChange(reference, actor, status, body.CorrectiveAction, body.Note), ct);
        return changed is null ? TypedResults.NotFound() : await GetAsync(changed.Reference, dbs, ct);
    }

    private static async Task<IResult> HotSpotsAsync(DateTimeOffset? from, DateTimeOffset? to, TicketHotSpots hotSpots, TimeProvider clock, CancellationToken ct)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddDays(-90);
        if (start >= end)
        {
            return TypedResults.Problem("from must be before to.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await hotSpots.ReadAsync(start, end, ct));
    }

    private static async Task<List<TicketView>> ViewsAsync(ConciergeDb db, List<Ticket> tickets, bool withHistory, CancellationToken ct)
    {
        var appointmentIds = tickets.Where(t => t.AppointmentId is not null).Select(t => t.AppointmentId!.Value).ToList();
        var appointments = await db.Appointments.AsNoTracking().Where(a => appointmentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var resources = await db.Resources.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        var ids = tickets.Select(t => t.Id).ToList();
        var history = withHistory
            ? (await db.TicketActions.AsNoTracking().Where(a => ids.Contains(a.TicketId)).OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.TicketId)
            : null;
        return tickets.Select(t => new TicketView(
                t.Reference,
                TicketStatusNames.Of(t.Status),
                t.Category,
                t.Severity.ToString().ToLowerInvariant(),
                t.Description,
                t.AttachmentsJson is null ? [] : JsonSerializer.Deserialize<List<ReportedFile>>(t.AttachmentsJson, Conversations.StateJson.Options) ?? [],
                t.AppointmentId is { } a ? appointments.GetValueOrDefault(a) : null,
                t.ServiceId is { } s ? services.GetValueOrDefault(s) : null,
                t.ResourceId is { } r ? resources.GetValueOrDefault(r) : null,
                t.ConversationId,
                t.CustomerId,
                t.Compensation,
                t.CorrectiveAction,
                t.Escalated,
                t.Reopened,
                Utc(t.CreatedAt),
                t.ResolvedAt is { } resolved ? Utc(resolved) : null,
                history?[t.Id].Select(h => new TicketActionView(Utc(h.At), h.Actor, h.Kind.ToString().ToLowerInvariant(), h.Text)).ToList()))
            .ToList();
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
