using System.Net;
using System.Net.Http.Json;
using System.Text;
using ConciergeBot.Admin.Scheduling;

namespace ConciergeBot.Tests.Admin;

/// <summary>Appointments brought in from a business's booking system, as JSON or CSV, again and again.</summary>
public sealed class ImportTests(AdminApiHost host) : IClassFixture<AdminApiHost>
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task Importing_the_same_json_twice_creates_once_and_then_reports_every_row_unchanged()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"), minutes: 30);
        var bay = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var prefix = AdminApiHost.Unique("IMP");
        var rows = Enumerable.Range(0, 5).Select(i => new
        {
            reference = $"{prefix}-{i}",
            customerName = $"Customer {i}",
            customerPhone = $"+62857{prefix.GetHashCode() & 0xFFFF:D5}{i:D3}",
            service = service.Code,
            resource = bay.Code,
            start = $"2026-12-21T{8 + i:D2}:00",
            status = i == 4 ? "completed" : null,
        }).ToList();

        var first = await AdminApiHost.ReadAsync<ImportResult>(await Client.PostAsJsonAsync("/api/admin/appointments/import", rows));
        var second = await AdminApiHost.ReadAsync<ImportResult>(await Client.PostAsJsonAsync("/api/admin/appointments/import", rows));

        Assert.Equal((5, 5, 0, 0, 0), (first.Rows, first.Created, first.Updated, first.Unchanged, first.Failed));
        Assert.Empty(first.Errors);
        Assert.Equal((5, 0, 0, 5, 0), (second.Rows, second.Created, second.Updated, second.Unchanged, second.Failed));
        var imported = await AdminApiHost.ReadAsync<AppointmentResponse>(await Client.GetAsync($"/api/admin/appointments/{prefix}-4"));
        Assert.Equal(("completed", "Customer 4"), (imported.Status, imported.Customer.Name));
        var history = Assert.Single(imported.History!);
        Assert.Equal(("imported", "import"), (history.Kind, history.Actor));
    }

    [Fact]
    public async Task A_changed_row_updates_its_appointment_and_records_what_changed()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"), minutes: 30);
        var bay1 = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var bay2 = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var reference = AdminApiHost.Unique("IMP");
        object Row(string resource, string start, string status) =>
            new { reference, customerPhone = AdminApiHost.DemoPhone, service = service.Code, resource, start, status };

        await AdminApiHost.ReadAsync<ImportResult>(await Client.PostAsJsonAsync("/api/admin/appointments/import", new[] { Row(bay1.Code, "2026-12-22T09:00", "booked") }));
        var changed = await AdminApiHost.ReadAsync<ImportResult>(
            await Client.PostAsJsonAsync("/api/admin/appointments/import", new[] { Row(bay2.Code, "2026-12-22T10:00:00+07:00", "booked") }));
        var cancelled = await AdminApiHost.ReadAsync<ImportResult>(
            await Client.PostAsJsonAsync("/api/admin/appointments/import", new[] { Row(bay2.Code, "2026-12-22T10:00", "Cancelled") }));

        Assert.Equal(1, changed.Updated);
        Assert.Equal(1, cancelled.Updated);
        var appointment = await AdminApiHost.ReadAsync<AppointmentResponse>(await Client.GetAsync($"/api/admin/appointments/{reference}"));
        Assert.Equal(("cancelled", bay2.Code, "Budi Santoso"), (appointment.Status, appointment.Resource.Code, appointment.Customer.Name));
        Assert.Equal(["imported", "updated", "updated"], appointment.History!.Select(h => h.Kind));
        var move = appointment.History![1];
        Assert.Equal(("import", bay1.Code, bay2.Code), (move.Actor, move.FromResource, move.ToResource));
        Assert.Contains("resource", move.Reason, StringComparison.Ordinal);
        Assert.Contains("start", move.Reason, StringComparison.Ordinal);
        Assert.Contains("status booked → cancelled", appointment.History[2].Reason, StringComparison.Ordinal);
        Assert.Equal(0, appointment.RescheduleCount);
    }

    [Fact]
    public async Task A_csv_with_bad_rows_imports_the_others_and_reports_each_bad_row_by_number()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"), minutes: 60);
        var bay = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var p = AdminApiHost.Unique("CSV");
        var csv = new StringBuilder()
            .AppendLine("reference,customer_name,customer_phone,service,resource,start,status")
            .AppendLine($"{p}-1,Rina,0812 7000 0001,{service.Code},{bay.Code},2026-12-23 08:00,booked")
            .AppendLine($"{p}-2,Rina,0812 7000 0001,t-no-such-service,{bay.Code},2026-12-23 10:00,booked")
            .AppendLine($"{p}-3,\"Tan, Sarah\",{AdminApiHost.DemoPhone},{service.Code},{bay.Code},2026-12-23 10:00,")
            .AppendLine($"{p}-4,Eko,0812 7000 0004,{service.Code},{bay.Code},2026-12-23 10:30,booked")
            .AppendLine($"{p}-5,Joko,0812 7000 0005,{service.Code},{bay.Code},2026-12-23T14:00:00+07:00,no-show")
            .ToString();

        var response = await Client.PostAsync("/api/admin/appointments/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var result = await AdminApiHost.ReadAsync<ImportResult>(response);
        Assert.Equal((5, 3, 2), (result.Rows, result.Created, result.Failed));
        Assert.Equal([2, 4], result.Errors.Select(e => e.Row));
        Assert.Equal($"{p}-2", result.Errors[0].Reference);
        Assert.Contains("Unknown service 't-no-such-service'", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains($"{p}-3", result.Errors[1].Message, StringComparison.Ordinal);

        var imported = await AdminApiHost.ReadAsync<AppointmentPage>(await Client.GetAsync($"/api/admin/appointments?resource={bay.Code}"));
        Assert.Equal([$"{p}-1", $"{p}-3", $"{p}-5"], imported.Items.Select(a => a.Reference));
        Assert.Equal(["booked", "booked", "noShow"], imported.Items.Select(a => a.Status));

        // Row 4 failed as a whole: its new customer was not kept either.
        var eko = await Client.PostAsJsonAsync("/api/admin/appointments", new
        {
            customerPhone = "0812 7000 0004",
            service = service.Code,
            resource = bay.Code,
            start = "2026-12-24T08:00",
        });
        Assert.Equal(HttpStatusCode.BadRequest, eko.StatusCode);
    }

    [Fact]
    public async Task A_csv_without_the_needed_columns_or_in_another_format_is_refused_whole()
    {
        var missing = await AdminApiHost.ProblemAsync(
            await Client.PostAsync("/api/admin/appointments/import", new StringContent("reference,service\nX-1,oil\n", Encoding.UTF8, "text/csv")),
            HttpStatusCode.BadRequest);
        Assert.Contains("customer_phone", missing.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);

        var xml = await Client.PostAsync("/api/admin/appointments/import", new StringContent("<rows/>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);

        var notArray = await Client.PostAsync("/api/admin/appointments/import", new StringContent("{\"reference\": 1}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notArray.StatusCode);
    }

    [Fact]
    public async Task A_semicolon_separated_export_with_columns_in_any_order_and_case_imports()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"), minutes: 30);
        var bay = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var p = AdminApiHost.Unique("SEMI");
        var csv = $"Start;Service;Resource;Reference;Customer_Phone;Extra\n2026-12-28 09:00;{service.Code};{bay.Code};{p};{AdminApiHost.DemoPhone};ignored\n";

        var result = await AdminApiHost.ReadAsync<ImportResult>(
            await Client.PostAsync("/api/admin/appointments/import", new StringContent(csv, Encoding.UTF8, "text/csv")));

        Assert.Equal((1, 1, 0), (result.Rows, result.Created, result.Failed));
        var appointment = await AdminApiHost.ReadAsync<AppointmentResponse>(await Client.GetAsync($"/api/admin/appointments/{p}"));
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(7)), appointment.Start);
    }
}
