using System.Net.Http.Json;
using ConciergeBot.Admin.Scheduling;

namespace ConciergeBot.Tests.Admin;

public sealed class RescheduleReportTests(AdminApiHost host) : IClassFixture<AdminApiHost>
{
    [Fact]
    public async Task The_report_lists_each_reschedule_of_the_period_with_who_and_why()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"), minutes: 30);
        var bay = await host.CreateResourceAsync(AdminApiHost.Unique("bay"), service.Code);
        var booked = await host.BookAsync(service.Code, bay.Code, "2026-12-29T09:00");
        await AdminApiHost.ReadAsync<AppointmentResponse>(await host.Client.PutAsJsonAsync(
            $"/api/admin/appointments/{booked.Reference}", new { start = "2026-12-29T11:00", reason = "Parts arrive late" }));

        host.Clock.Advance(TimeSpan.FromDays(3));
        await AdminApiHost.ReadAsync<AppointmentResponse>(await host.Client.PutAsJsonAsync(
            $"/api/admin/appointments/{booked.Reference}", new { start = "2026-12-30T11:00", reason = "Customer asked by phone" }));

        var report = await AdminApiHost.ReadAsync<RescheduleReportResponse>(await host.Client.GetAsync("/api/admin/reschedules?from=2026-12-01&to=2026-12-02"));

        var entry = Assert.Single(report.Items, i => i.Reference == booked.Reference);
        Assert.Equal(report.Items.Count, report.Total);
        Assert.Equal(("Budi Santoso", service.Code, "admin", "Parts arrive late"), (entry.CustomerName, entry.Service.Code, entry.Actor, entry.Reason));
        Assert.Equal(new DateTimeOffset(2026, 12, 29, 9, 0, 0, TimeSpan.FromHours(7)), entry.FromStart);
        Assert.Equal(new DateTimeOffset(2026, 12, 29, 11, 0, 0, TimeSpan.FromHours(7)), entry.ToStart);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7)), entry.At);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.FromHours(7)), report.To);

        var both = await AdminApiHost.ReadAsync<RescheduleReportResponse>(await host.Client.GetAsync("/api/admin/reschedules?from=2026-12-01"));
        Assert.Equal(["Parts arrive late", "Customer asked by phone"], both.Items.Where(i => i.Reference == booked.Reference).Select(i => i.Reason));
    }
}
