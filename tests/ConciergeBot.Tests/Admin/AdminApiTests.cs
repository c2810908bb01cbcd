using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConciergeBot.Admin;

namespace ConciergeBot.Tests.Admin;

/// <summary>What holds for the admin API as a whole: the key, and the description of it.</summary>
public sealed class AdminApiTests(AdminApiHost host) : IClassFixture<AdminApiHost>
{
    [Theory]
    [InlineData("GET", "/api/admin/services")]
    [InlineData("POST", "/api/admin/resources")]
    [InlineData("GET", "/api/admin/appointments")]
    [InlineData("POST", "/api/admin/appointments/import")]
    [InlineData("GET", "/api/admin/reschedules")]
    public async Task Admin_routes_refuse_a_missing_or_a_wrong_key(string method, string path)
    {
        using var anonymous = host.AnonymousClient();
        using var withoutKey = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(withoutKey)).StatusCode);

        using var withWrongKey = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
        withWrongKey.Headers.Add(AdminKeyAuthentication.Header, "not-the-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(withWrongKey)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_admin_paths_and_the_key_scheme()
    {
        using var anonymous = host.AnonymousClient();
        var response = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/admin/services", "/api/admin/services/{code}", "/api/admin/resources", "/api/admin/resources/{code}",
            "/api/admin/overrides", "/api/admin/overrides/{id}", "/api/admin/appointments", "/api/admin/appointments/{reference}",
            "/api/admin/appointments/{reference}/cancel", "/api/admin/appointments/{reference}/complete",
            "/api/admin/appointments/{reference}/no-show", "/api/admin/appointments/import", "/api/admin/reschedules",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the document");
        }

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty(AdminKeyAuthentication.SchemeName);
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal(AdminKeyAuthentication.Header, scheme.GetProperty("name").GetString());

        var create = paths.GetProperty("/api/admin/appointments").GetProperty("post");
        Assert.Equal("CreateAppointment", create.GetProperty("operationId").GetString());
        Assert.Equal("Appointments", create.GetProperty("tags")[0].GetString());
        Assert.True(create.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(create.GetProperty("security")[0].TryGetProperty(AdminKeyAuthentication.SchemeName, out _));

        var import = paths.GetProperty("/api/admin/appointments/import").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(import.TryGetProperty("application/json", out _));
        Assert.Equal("string", import.GetProperty("text/csv").GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Answers_are_camel_case_json_with_times_in_the_business_offset()
    {
        var service = await host.CreateServiceAsync(AdminApiHost.Unique("svc"));
        var resource = await host.CreateResourceAsync(AdminApiHost.Unique("res"), service.Code);

        var response = await host.Client.PostAsJsonAsync("/api/admin/appointments", new
        {
            customerPhone = AdminApiHost.DemoPhone,
            service = service.Code,
            resource = resource.Code,
            start = "2026-12-07T02:00:00Z",
        });

        var body = await AdminApiHost.ProblemAsync(response, HttpStatusCode.Created);
        Assert.Equal("2026-12-07T09:00:00+07:00", body.GetProperty("start").GetString());
        Assert.Equal("2026-12-07T10:00:00+07:00", body.GetProperty("end").GetString());
        Assert.Equal("booked", body.GetProperty("status").GetString());
        Assert.Equal("Budi Santoso", body.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal(service.Code, body.GetProperty("service").GetProperty("code").GetString());
    }
}
