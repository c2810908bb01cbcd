using System.Net;
using System.Net.Http.Json;
using ConciergeBot.Admin.Scheduling;

namespace ConciergeBot.Tests.Admin;

/// <summary>Appointments as staff book, move and close them.</summary>
public sealed class AppointmentTests(AdminApiHost host) : IClassFixture<AdminApiHost>
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task An_overlapping_booking_on_the_same_resource_is_a_conflict_and_on_another_resource_is_booked()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"));
        var bay1 = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var bay2 = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var first = await host.BookAsync(service.Code, bay1.Code, "2026-12-08T09:00");

        var overlapping = await Client.PostAsJsonAsync("/api/admin/appointments", new
        {
            customerPhone = AdminApiHost.DemoPhone,
            service = service.Code,
            resource = bay1.Code,
            start = "2026-12-08T09:30:00+07:00",
        });

        var problem = await AdminApiHost.ProblemAsync(overlapping, HttpStatusCode.Conflict);
        Assert.Equal("Double booking.", problem.GetProperty("title").GetString());
        Assert.Contains(first.Reference, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("09:00 to 10:00", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var elsewhere = await host.BookAsync(service.Code, bay2.Code, "2026-12-08T09:30:00+07:00");
        Assert.Equal(bay2.Code, elsewhere.Resource.Code);
        var onBay1 = await AdminApiHost.ReadAsync<AppointmentPage>(await Client.GetAsync($"/api/admin/appointments?resource={bay1.Code}"));
        Assert.Equal([first.Reference], onBay1.Items.Select(a => a.Reference));
    }

    [Fact]
    public async Task The_time_kept_free_after_a_service_blocks_the_next_booking_until_it_has_passed()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"), minutes: 60, before: 0, after: 15);
        var bay = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        await host.BookAsync(service.Code, bay.Code, "2026-12-09T10:00");

        var tooSoon = await Client.PostAsJsonAsync("/api/admin/appointments", new
        {
            customerPhone = AdminApiHost.DemoPhone,
            service = service.Code,
            resource = bay.Code,
            start = "2026-12-09T11:00",
        });
        Assert.Equal(HttpStatusCode.Conflict, tooSoon.StatusCode);

        var afterBuffer = await host.BookAsync(service.Code, bay.Code, "2026-12-09T11:15");
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 11, 15, 0, TimeSpan.FromHours(7)), afterBuffer.Start);
    }

    [Fact]
    public async Task A_new_phone_number_makes_a_customer_whom_the_next_booking_finds_again()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"));
        var bay = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var phone = $"0813 {Random.Shared.Next(1000, 9999)} {Random.Shared.Next(1000, 9999)}";

        var first = await host.BookAsync(service.Code, bay.Code, "2026-12-10T09:00", phone: phone, name: "Dewi Lestari");
        var second = await host.BookAsync(service.Code, bay.Code, "2026-12-10T11:00", phone: "+62" + phone[1..].Replace(" ", "", StringComparison.Ordinal));

        Assert.Equal("Dewi Lestari", first.Customer.Name);
        Assert.StartsWith("+62813", first.Customer.Phone, StringComparison.Ordinal);
        Assert.Equal(first.Customer.Id, second.Customer.Id);
        var theirs = await AdminApiHost.ReadAsync<AppointmentPage>(await Client.GetAsync($"/api/admin/appointments?customerId={first.Customer.Id}"));
        Assert.Equal(2, theirs.Total);

        var nameless = await AdminApiHost.ProblemAsync(await Client.PostAsJsonAsync("/api/admin/appointments", new
        {
            customerPhone = "0813 0000 1111 2",
            service = service.Code,
            resource = bay.Code,
            start = "2026-12-10T13:00",
        }), HttpStatusCode.BadRequest);
        Assert.True(nameless.GetProperty("errors").TryGetProperty("customerName", out _));
    }

    [Fact]
    public async Task A_given_reference_is_kept_and_a_generated_one_is_short_and_unambiguous()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"));
        var bay = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var reference = AdminApiHost.Unique("REF").ToUpperInvariant();

        var given = await host.BookAsync(service.Code, bay.Code, "2026-12-11T09:00", reference: reference);
        var generated = await host.BookAsync(service.Code, bay.Code, "2026-12-11T10:00");

        Assert.Equal(reference, given.Reference);
        Assert.Matches("^BMJ-[2-9A-HJKMNP-TW-Z]{4}$", generated.Reference);
        var again = await Client.PostAsJsonAsync("/api/admin/appointments", new
        {
            reference,
            customerPhone = AdminApiHost.DemoPhone,
            service = service.Code,
            resource = bay.Code,
            start = "2026-12-11T14:00",
        });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/admin/appointments/T-NO-SUCH-REF")).StatusCode);
    }

    [Fact]
    public async Task A_booking_naming_what_does_not_exist_or_cannot_be_done_is_refused_field_by_field()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"));
        var otherService = await host.CreateServiceAsync(AdminApiHost.Unique("svc"));
        var bay = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);

        var unknown = await AdminApiHost.ProblemAsync(await Client.PostAsJsonAsync("/api/admin/appointments", new
        {
            customerPhone = AdminApiHost.DemoPhone,
            service = "t-nothing",
            resource = "t-nobody",
            start = "tomorrow",
        }), HttpStatusCode.BadRequest);
        var errors = unknown.GetProperty("errors");
        Assert.True(errors.TryGetProperty("service", out _));
        Assert.True(errors.TryGetProperty("resource", out _));
        Assert.True(errors.TryGetProperty("start", out _));

        var notPerformed = await AdminApiHost.ProblemAsync(await Client.PostAsJsonAsync("/api/admin/appointments", new
        {
            customerPhone = AdminApiHost.DemoPhone,
            service = otherService.Code,
            resource = bay.Code,
            start = "2026-12-11T09:00",
        }), HttpStatusCode.BadRequest);
        Assert.Contains("does not perform", notPerformed.GetProperty("errors").GetProperty("resource")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_reschedule_is_recorded_with_its_reason_and_does_not_count_against_the_customer()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"), minutes: 30, after: 10);
        var bay1 = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var bay2 = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var booked = await host.BookAsync(service.Code, bay1.Code, "2026-12-14T09:00");
        var blocker = await host.BookAsync(service.Code, bay2.Code, "2026-12-14T13:00");

        var moved = await AdminApiHost.ReadAsync<AppointmentResponse>(await Client.PutAsJsonAsync($"/api/admin/appointments/{booked.Reference}", new
        {
            start = "2026-12-14T14:00",
            resource = bay2.Code,
            reason = "Mechanic ill",
        }));

        Assert.Equal(new DateTimeOffset(2026, 12, 14, 14, 0, 0, TimeSpan.FromHours(7)), moved.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 14, 14, 30, 0, TimeSpan.FromHours(7)), moved.End);
        Assert.Equal(bay2.Code, moved.Resource.Code);
        Assert.Equal(0, moved.RescheduleCount);
        var read = await AdminApiHost.ReadAsync<AppointmentResponse>(await Client.GetAsync($"/api/admin/appointments/{booked.Reference}"));
        Assert.Equal(["created", "rescheduled"], read.History!.Select(h => h.Kind));
        var change = read.History![1];
        Assert.Equal(("admin", "Mechanic ill"), (change.Actor, change.Reason));
        Assert.Equal((booked.Start, moved.Start), (change.FromStart, change.ToStart));
        Assert.Equal((bay1.Code, bay2.Code), (change.FromResource, change.ToResource));

        var onTopOfBlocker = await Client.PutAsJsonAsync($"/api/admin/appointments/{booked.Reference}", new { start = blocker.Start.AddMinutes(-20).ToString("O") });
        Assert.Equal(HttpStatusCode.Conflict, onTopOfBlocker.StatusCode);
        var unchanged = await AdminApiHost.ReadAsync<AppointmentResponse>(await Client.GetAsync($"/api/admin/appointments/{booked.Reference}"));
        Assert.Equal(moved.Start, unchanged.Start);
        Assert.Equal(2, unchanged.History!.Count);
    }

    [Fact]
    public async Task Completing_and_missing_are_recorded_and_a_cancelled_appointment_stays_cancelled()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"));
        var bay = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var done = await host.BookAsync(service.Code, bay.Code, "2026-12-15T08:00");
        var missed = await host.BookAsync(service.Code, bay.Code, "2026-12-15T10:00");
        var cancelled = await host.BookAsync(service.Code, bay.Code, "2026-12-15T12:00");

        var completed = await AdminApiHost.ReadAsync<AppointmentResponse>(await Client.PostAsync($"/api/admin/appointments/{done.Reference}/complete", null));
        Assert.Equal("completed", completed.Status);
        Assert.Equal(["created", "completed"], completed.History!.Select(h => h.Kind));

        var noShow = await AdminApiHost.ReadAsync<AppointmentResponse>(
            await Client.PostAsJsonAsync($"/api/admin/appointments/{missed.Reference}/no-show", new { reason = "Did not answer the phone" }));
        Assert.Equal("noShow", noShow.Status);
        Assert.Equal(("noShow", "admin", "Did not answer the phone"), (noShow.History![1].Kind, noShow.History[1].Actor, noShow.History[1].Reason));

        var cancel = await AdminApiHost.ReadAsync<AppointmentResponse>(
            await Client.PostAsJsonAsync($"/api/admin/appointments/{cancelled.Reference}/cancel", new { reason = "Car sold" }));
        Assert.Equal("cancelled", cancel.Status);
        Assert.Equal("Car sold", cancel.History![1].Reason);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsync($"/api/admin/appointments/{cancelled.Reference}/complete", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PutAsJsonAsync($"/api/admin/appointments/{cancelled.Reference}", new { start = "2026-12-16T09:00" })).StatusCode);

        // The cancelled time is free again.
        await host.BookAsync(service.Code, bay.Code, "2026-12-15T12:00");

        var filtered = await AdminApiHost.ReadAsync<AppointmentPage>(await Client.GetAsync($"/api/admin/appointments?resource={bay.Code}&status=noShow"));
        Assert.Equal([missed.Reference], filtered.Items.Select(a => a.Reference));
    }

    [Fact]
    public async Task The_list_filters_by_period_and_service_and_pages_in_start_order()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"), minutes: 30);
        var bay = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var starts = new[] { "2026-12-17T08:00", "2026-12-17T09:00", "2026-12-17T10:00", "2026-12-18T08:00", "2026-12-19T08:00" };
        var booked = new List<AppointmentResponse>();
        foreach (var start in starts)
        {
            booked.Add(await host.BookAsync(service.Code, bay.Code, start));
        }

        var page = await AdminApiHost.ReadAsync<AppointmentPage>(
            await Client.GetAsync($"/api/admin/appointments?service={service.Code}&from=2026-12-17&to=2026-12-18&page=2&pageSize=3"));
        Assert.Equal(4, page.Total);
        Assert.Equal([booked[3].Reference], page.Items.Select(a => a.Reference));
        Assert.Null(page.Items[0].History);

        var byTime = await AdminApiHost.ReadAsync<AppointmentPage>(
            await Client.GetAsync($"/api/admin/appointments?service={service.Code}&from=2026-12-17T01:30:00Z&to=2026-12-17T10:00"));
        Assert.Equal([booked[1].Reference], byTime.Items.Select(a => a.Reference));

        var bad = await AdminApiHost.ProblemAsync(await Client.GetAsync("/api/admin/appointments?status=lost&from=yesterday&pageSize=9999"), HttpStatusCode.BadRequest);
        Assert.Equal(3, bad.GetProperty("errors").EnumerateObject().Count());
    }
}
