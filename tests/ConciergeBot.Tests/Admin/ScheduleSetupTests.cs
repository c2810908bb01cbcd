using System.Net;
using System.Net.Http.Json;
using ConciergeBot.Admin.Scheduling;

namespace ConciergeBot.Tests.Admin;

/// <summary>Services, resources and date overrides: what the schedule is made of.</summary>
public sealed class ScheduleSetupTests(AdminApiHost host) : IClassFixture<AdminApiHost>
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task A_service_is_created_read_replaced_listed_and_deactivated_but_never_deleted()
    {
        var code = AdminApiHost.Unique("svc");
        var created = await host.CreateServiceAsync(code, minutes: 45, before: 5, after: 10);
        Assert.Equal((45, 5, 10, true), (created.DurationMinutes, created.BufferBeforeMinutes, created.BufferAfterMinutes, created.Active));

        var read = await AdminApiHost.ReadAsync<ServiceResponse>(await Client.GetAsync($"/api/admin/services/{code}"));
        Assert.Equal($"Layanan {code}", read.Names["id"]);

        var replaced = await AdminApiHost.ReadAsync<ServiceResponse>(await Client.PutAsJsonAsync($"/api/admin/services/{code}", new
        {
            names = new Dictionary<string, string> { ["id"] = "Ganti oli" },
            durationMinutes = 30,
        }));
        Assert.Equal((30, 0, 0), (replaced.DurationMinutes, replaced.BufferBeforeMinutes, replaced.BufferAfterMinutes));
        Assert.Equal(["id"], replaced.Names.Keys);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/admin/services/{code}")).StatusCode);
        var inactive = await AdminApiHost.ReadAsync<ServiceResponse>(await Client.GetAsync($"/api/admin/services/{code}"));
        Assert.False(inactive.Active);
        var active = await AdminApiHost.ReadAsync<List<ServiceResponse>>(await Client.GetAsync("/api/admin/services?active=true"));
        Assert.DoesNotContain(active, s => s.Code == code);
        var all = await AdminApiHost.ReadAsync<List<ServiceResponse>>(await Client.GetAsync("/api/admin/services"));
        Assert.Contains(all, s => s.Code == code);
    }

    [Fact]
    public async Task A_service_with_bad_fields_is_a_validation_problem_and_a_taken_code_a_conflict()
    {
        var invalid = await AdminApiHost.ProblemAsync(
            await Client.PostAsJsonAsync("/api/admin/services", new { code = "has space", names = new Dictionary<string, string> { ["en"] = "Oil" }, durationMinutes = 0 }),
            HttpStatusCode.BadRequest);
        var errors = invalid.GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _));
        Assert.True(errors.TryGetProperty("names", out _), "the business's default language (id) is missing");
        Assert.True(errors.TryGetProperty("durationMinutes", out _));

        var code = AdminApiHost.Unique("svc");
        await host.CreateServiceAsync(code);
        var again = await Client.PostAsJsonAsync("/api/admin/services", new { code, names = new Dictionary<string, string> { ["id"] = "x" }, durationMinutes = 30 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/admin/services/t-no-such-service")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync("/api/admin/services/t-no-such-service")).StatusCode);
    }

    [Fact]
    public async Task A_resource_put_replaces_its_services_hours_and_breaks_as_a_whole()
    {
        var oil = await host.CreateServiceAsync(AdminApiHost.Unique("oil"));
        var tyres = await host.CreateServiceAsync(AdminApiHost.Unique("tyre"));
        var code = AdminApiHost.Unique("res");
        var created = await AdminApiHost.ReadAsync<ResourceResponse>(await Client.PostAsJsonAsync("/api/admin/resources", new
        {
            code,
            name = "Andi",
            services = new[] { oil.Code },
            hours = new object[]
            {
                new { day = "monday", opens = "08:00", closes = "12:00" },
                new { day = "Monday", opens = "13:00", closes = "17:00" },
                new { day = "saturday", opens = "08:00", closes = "12:00" },
            },
            breaks = new object[] { new { day = (string?)null, start = "10:00", end = "10:15" } },
        }), HttpStatusCode.Created);
        Assert.Equal("staff", created.Kind);
        Assert.Equal([oil.Code], created.Services);
        Assert.Equal(3, created.Hours.Count);
        Assert.Equal(new OpeningHours("monday", "13:00", "17:00"), created.Hours[1]);
        Assert.Equal(new BreakTime("10:00", "10:15"), Assert.Single(created.Breaks));

        var replaced = await AdminApiHost.ReadAsync<ResourceResponse>(await Client.PutAsJsonAsync($"/api/admin/resources/{code}", new
        {
            name = "Andi Wijaya",
            kind = "bay",
            services = new[] { tyres.Code },
            hours = new[] { new { day = "friday", opens = "09:00", closes = "15:00" } },
            breaks = new[] { new { day = "friday", start = "11:30", end = "13:00" } },
        }));

        var read = await AdminApiHost.ReadAsync<ResourceResponse>(await Client.GetAsync($"/api/admin/resources/{code}"));
        Assert.Equivalent(replaced, read, strict: true);
        Assert.Equal(("Andi Wijaya", "bay", true), (read.Name, read.Kind, read.Active));
        Assert.Equal([tyres.Code], read.Services);
        Assert.Equal(new OpeningHours("friday", "09:00", "15:00"), Assert.Single(read.Hours));
        Assert.Equal(new BreakTime("11:30", "13:00", "friday"), Assert.Single(read.Breaks));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/admin/resources/{code}")).StatusCode);
        Assert.False((await AdminApiHost.ReadAsync<ResourceResponse>(await Client.GetAsync($"/api/admin/resources/{code}"))).Active);
    }

    [Fact]
    public async Task A_resource_with_unknown_services_or_crossed_hours_is_refused_field_by_field()
    {
        var problem = await AdminApiHost.ProblemAsync(await Client.PostAsJsonAsync("/api/admin/resources", new
        {
            code = AdminApiHost.Unique("res"),
            name = "Budi",
            services = new[] { "t-no-such-service" },
            hours = new object[]
            {
                new { day = "someday", opens = "08:00", closes = "12:00" },
                new { day = "tuesday", opens = "12:00", closes = "08:00" },
                new { day = "wednesday", opens = "08:00", closes = "12:00" },
                new { day = "wednesday", opens = "11:00", closes = "14:00" },
            },
        }), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("services[0]", out _));
        Assert.True(errors.TryGetProperty("hours[0].day", out _));
        Assert.True(errors.TryGetProperty("hours[1].closes", out _));
        Assert.True(errors.TryGetProperty("hours[3]", out _), "overlapping hours on one day");
    }

    [Fact]
    public async Task Overrides_are_created_for_the_business_or_a_resource_listed_by_date_and_deleted()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"));
        var resource = await host.CreateResourceAsync(AdminApiHost.Unique("res"), service.Code);
        var other = await host.CreateResourceAsync(AdminApiHost.Unique("res"), service.Code);

        var holiday = await AdminApiHost.ReadAsync<OverrideResponse>(
            await Client.PostAsJsonAsync("/api/admin/overrides", new { date = "2027-03-03", reason = "Hari raya" }), HttpStatusCode.Created);
        Assert.True(holiday.Closed);
        Assert.Null(holiday.Resource);

        var extra = await AdminApiHost.ReadAsync<OverrideResponse>(
            await Client.PostAsJsonAsync("/api/admin/overrides", new { date = "2027-03-06", resource = resource.Code, opens = "08:00", closes = "12:00" }), HttpStatusCode.Created);
        Assert.Equal((false, "08:00", "12:00", resource.Code), (extra.Closed, extra.Opens, extra.Closes, extra.Resource));
        var elsewhere = await AdminApiHost.ReadAsync<OverrideResponse>(
            await Client.PostAsJsonAsync("/api/admin/overrides", new { date = "2027-03-04", resource = other.Code }), HttpStatusCode.Created);
        long[] mine = [holiday.Id, extra.Id, elsewhere.Id];

        var forResource = await AdminApiHost.ReadAsync<List<OverrideResponse>>(
            await Client.GetAsync($"/api/admin/overrides?from=2027-03-01&to=2027-03-31&resource={resource.Code}"));
        Assert.Equal([holiday.Id, extra.Id], forResource.Select(o => o.Id).Where(mine.Contains));
        var firstDays = await AdminApiHost.ReadAsync<List<OverrideResponse>>(await Client.GetAsync("/api/admin/overrides?from=2027-03-01&to=2027-03-04"));
        Assert.Equal([holiday.Id, elsewhere.Id], firstDays.Select(o => o.Id).Where(mine.Contains));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/admin/overrides/{holiday.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync($"/api/admin/overrides/{holiday.Id}")).StatusCode);
        var after = await AdminApiHost.ReadAsync<List<OverrideResponse>>(
            await Client.GetAsync($"/api/admin/overrides?from=2027-03-01&to=2027-03-31&resource={resource.Code}"));
        Assert.Equal([extra.Id], after.Select(o => o.Id).Where(mine.Contains));

        var bad = await AdminApiHost.ProblemAsync(
            await Client.PostAsJsonAsync("/api/admin/overrides", new { date = "2027-02-30", opens = "08:00" }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("date", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("closes", out _));
    }
}
