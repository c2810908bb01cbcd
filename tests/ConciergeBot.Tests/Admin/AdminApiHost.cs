using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConciergeBot.Admin;
using ConciergeBot.Admin.Scheduling;
using ConciergeBot.Tests.Harness;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConciergeBot.Tests.Admin;

/// <summary>
/// The real host on a temporary SQLite file with an admin key and a fake clock, shared by the tests
/// of one class. Tests make their own services and resources with unique codes, so they neither see
/// each other's nor depend on the demo data beyond the business and its two customers.
/// </summary>
public sealed class AdminApiHost : IAsyncLifetime
{
    public const string Key = "test-admin-key";

    /// <summary>Budi, one of the demo customers.</summary>
    public const string DemoPhone = "+6281234567890";

    private readonly TempFolder _folder = new();
    private readonly WebApplicationFactory<Program> _factory;

    public AdminApiHost()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("ConnectionStrings:Concierge", $"Data Source={_folder.File("admin.db")}")
            .UseSetting("Admin:ApiKey", Key)
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        Client = _factory.CreateClient();
        Client.DefaultRequestHeaders.Add(AdminKeyAuthentication.Header, Key);
    }

    /// <summary>Tuesday 1 December 2026, 09:00 in Jakarta (the demo business's zone).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7)));

    /// <summary>Sends the admin key.</summary>
    public HttpClient Client { get; }

    public HttpClient AnonymousClient() => _factory.CreateClient();

    /// <summary>The host's services, for checking what the bot sees after an admin change.</summary>
    public IServiceProvider Services => _factory.Services;

    public static string Unique(string prefix) => $"t-{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 11)];

    public async Task<ServiceResponse> CreateServiceAsync(string code, int minutes = 60, int before = 0, int after = 0)
    {
        var response = await Client.PostAsJsonAsync("/api/admin/services", new
        {
            code,
            names = new Dictionary<string, string> { ["id"] = $"Layanan {code}", ["en"] = $"Service {code}" },
            durationMinutes = minutes,
            bufferBeforeMinutes = before,
            bufferAfterMinutes = after,
        });
        return await ReadAsync<ServiceResponse>(response, HttpStatusCode.Created);
    }

    public async Task<ResourceResponse> CreateResourceAsync(string code, params string[] services)
    {
        var response = await Client.PostAsJsonAsync("/api/admin/resources", new
        {
            code,
            name = $"Mechanic {code}",
            kind = "staff",
            services,
            hours = new[] { new { day = "monday", opens = "08:00", closes = "17:00" } },
        });
        return await ReadAsync<ResourceResponse>(response, HttpStatusCode.Created);
    }

    public async Task<AppointmentResponse> BookAsync(string service, string resource, string start, string? reference = null, string phone = DemoPhone, string? name = null)
    {
        var response = await Client.PostAsJsonAsync("/api/admin/appointments", new { reference, customerPhone = phone, customerName = name, service, resource, start });
        return await ReadAsync<AppointmentResponse>(response, HttpStatusCode.Created);
    }

    /// <summary>The body of a response that must have <paramref name="expected"/>; the body is in the failure message otherwise.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)!;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        _folder.Dispose();
    }
}
