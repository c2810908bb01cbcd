using System.Net;
using System.Net.Http.Json;
using ConciergeBot.Admin.Scheduling;
using ConciergeBot.Scheduling.Booking;
using ConciergeBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Admin;

/// <summary>
/// The bot keeps the calendar (hours, overrides, resources) between searches; every change made through
/// the admin API is seen by the very next search, never a stale copy.
/// </summary>
public sealed class CalendarChangeTests(AdminApiHost host) : IClassFixture<AdminApiHost>
{
    // Monday 7 December 2026, 10:00 in Jakarta: inside the resource's Monday hours (08:00–17:00).
    private static readonly DateTimeOffset Monday10 = new(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(7));

    private HttpClient Client => host.Client;

    [Fact]
    public async Task Overrides_added_and_removed_and_a_deactivated_resource_are_seen_by_the_next_search()
    {
        var (appointment, resource) = await OnlyResourceForItsServiceAsync();
        var search = host.Services.GetRequiredService<MoveSearch>();
        Assert.NotNull((await search.AtOrNearestAsync(appointment, Monday10, "conversation-1", 3, CancellationToken.None)).Free);

        var closed = await AdminApiHost.ReadAsync<OverrideResponse>(
            await Client.PostAsJsonAsync("/api/admin/overrides", new { date = "2026-12-07", resource, reason = "Training" }), HttpStatusCode.Created);
        var whileClosed = await search.AtOrNearestAsync(appointment, Monday10, "conversation-1", 3, CancellationToken.None);
        Assert.Equal((null, UnavailableReason.Closed), (whileClosed.Free, whileClosed.Why));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/admin/overrides/{closed.Id}")).StatusCode);
        Assert.NotNull((await search.AtOrNearestAsync(appointment, Monday10, "conversation-1", 3, CancellationToken.None)).Free);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/admin/resources/{resource}")).StatusCode);
        var retired = await search.AtOrNearestAsync(appointment, Monday10, "conversation-1", 3, CancellationToken.None);
        Assert.Equal((null, UnavailableReason.Closed), (retired.Free, retired.Why));
    }

    [Fact]
    public async Task Replaced_weekly_hours_are_seen_by_the_next_search_and_by_a_hold()
    {
        var (appointment, resource) = await OnlyResourceForItsServiceAsync();
        var search = host.Services.GetRequiredService<MoveSearch>();
        var free = (await search.AtOrNearestAsync(appointment, Monday10, "conversation-1", 3, CancellationToken.None)).Free!;

        // Mondays now start at 13:00; the search above left the old hours in the bot's calendar.
        var service = appointment.ServiceCode;
        var replaced = await Client.PutAsJsonAsync($"/api/admin/resources/{resource}", new
        {
            name = $"Mechanic {resource}",
            kind = "staff",
            services = new[] { service },
            hours = new[] { new { day = "monday", opens = "13:00", closes = "17:00" } },
        });
        await AdminApiHost.ReadAsync<ResourceResponse>(replaced);

        Assert.False(await host.Services.GetRequiredService<Rescheduler>().HoldAsync(appointment, free, "conversation-1", CancellationToken.None));
        var now = await search.AtOrNearestAsync(appointment, Monday10, "conversation-1", 3, CancellationToken.None);
        Assert.Equal(UnavailableReason.Closed, now.Why);
        Assert.NotEmpty(now.Nearest);
        Assert.All(now.Nearest, slot => Assert.True(slot.Start.Hour >= 13, $"{slot.Start} is before Monday's new hours"));
    }

    /// <summary>A new service that only a new resource performs, and an appointment for it on Monday the 14th.</summary>
    private async Task<(AppointmentView Appointment, string Resource)> OnlyResourceForItsServiceAsync()
    {
        var service = AdminApiHost.Unique("svc");
        var resource = AdminApiHost.Unique("res");
        await host.CreateServiceAsync(service);
        await host.CreateResourceAsync(resource, service);
        var booked = await host.BookAsync(service, resource, "2026-12-14T09:00");
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ConciergeDb>>().CreateDbContextAsync();
        var id = await db.Appointments.Where(a => a.Reference == booked.Reference).Select(a => a.Id).SingleAsync();
        return ((await host.Services.GetRequiredService<ConciergeBot.Scheduling.Booking.AppointmentLookup>().GetAsync(id, CancellationToken.None))!, resource);
    }
}
