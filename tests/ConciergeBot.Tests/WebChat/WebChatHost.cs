using ConciergeBot.Chat;
using ConciergeBot.Tests.Harness;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.WebChat;

/// <summary>
/// The real host on a real loopback port (Kestrel, not the in-memory test server), because a browser
/// and a Node process have to reach it; on its own temporary SQLite file with the demo business.
/// </summary>
/// <remarks>
/// Its clock starts at Tuesday 1 December 2026, 09:00 in Jakarta like the other tests' clocks, but then
/// runs: real clients wait on real timers (polls, keep-alives, token lifetimes), which a frozen
/// FakeTimeProvider would never fire.
/// </remarks>
public sealed class WebChatHost : IAsyncLifetime, IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly TempFolder _folder = new();
    private readonly WebApplicationFactory<Program> _factory;

    /// <summary>The host the browser collection shares: default branding, and one website allowed to embed the chat.</summary>
    public WebChatHost()
        : this(new Dictionary<string, string?>(), new BusinessWebsite())
    {
    }

    private WebChatHost(IReadOnlyDictionary<string, string?> settings, BusinessWebsite? website = null)
    {
        Website = website;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Concierge", $"Data Source={_folder.File("webchat.db")}");
            // A free port of the system's choosing; UseKestrel(0) on a factory made by WithWebHostBuilder still bound the default port 5000.
            web.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            if (website is not null)
            {
                web.UseSetting("WebChat:AllowedOrigins:0", website.AllowedOrigin);
            }

            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new ShiftedClock(Start)));
        });
        _factory.UseKestrel();
    }

    /// <summary>A website that embeds this host's chat; only on the shared host.</summary>
    public BusinessWebsite? Website { get; }

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string DirectLineDomain => new Uri(BaseAddress, "/v3/directline").ToString();

    public Uri Url(string relative) => new(BaseAddress, relative);

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public static async Task<WebChatHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new WebChatHost(settings ?? new Dictionary<string, string?>());
        await host.InitializeAsync();
        return host;
    }

    public Task InitializeAsync()
    {
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Website?.Bot = BaseAddress;
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Website?.Dispose();
        _folder.Dispose();
    }
}
