using ConciergeBot.Demo;
using ConciergeBot.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Agents;

/// <summary>
/// The console in the browser: <c>/agent/login</c>, <c>/agent</c> (signed-in agents only; others are sent
/// to sign in), and their files under <c>/agent/assets/</c>. The pages are shells: their scripts read
/// everything over the agent API and hear about changes on the hub.
/// </summary>
internal static partial class AgentConsolePages
{
    public const string LoginPath = "/agent/login";
    public const string ConsolePath = "/agent";
    public const string AssetsPath = "/agent/assets";

    /// <summary>
    /// Scripts, styles and images only from this host (no inline script or style), nothing may frame the
    /// console, and forms post nowhere (the scripts send JSON). 'self' covers ws: and wss: to this host,
    /// where the hub is.
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string JavaScript = "text/javascript; charset=utf-8";

    /// <summary>The only files served under <c>/agent/assets/</c>, with their content types.</summary>
    public static readonly IReadOnlyDictionary<string, string> Assets = new Dictionary<string, string>
    {
        ["console.css"] = "text/css; charset=utf-8",
        ["login.js"] = JavaScript,
        ["console.js"] = JavaScript,
        ["api.js"] = JavaScript,
        ["dom.js"] = JavaScript,
        ["transcript.js"] = JavaScript,
        ["desk.js"] = JavaScript,
        ["tickets.js"] = JavaScript,
        ["signalr.min.js"] = JavaScript,
    };

    public static string Folder { get; } = BuiltAssets.Folder("agent");

    public static IEndpointRouteBuilder MapAgentConsolePages(this IEndpointRouteBuilder app)
    {
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AgentConsolePages));
        foreach (var file in BuiltAssets.Missing(Folder, Assets.Keys))
        {
            LogMissing(logger, file, Folder);
        }

        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet(LoginPath, LoginAsync).AllowAnonymous();
        pages.MapGet(ConsolePath, (HttpContext context, IOptions<BusinessOptions> business) =>
            Page(context, AgentConsoleHtml.Console(business.Value.Name))).RequireAuthorization(AgentAuthentication.ConsolePagePolicy);
        app.MapBuiltAssets(AssetsPath, Folder, Assets);
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, IOptions<BusinessOptions> business)
    {
        if ((await context.AuthenticateAsync(AgentAuthentication.Scheme)).Succeeded)
        {
            return TypedResults.Redirect(ConsolePath);
        }

        return Page(context, AgentConsoleHtml.Login(business.Value.Name));
    }

    private static IResult Page(HttpContext context, string html)
    {
        PageHeaders.Apply(context.Response, Policy);
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Agent console file {File} is missing from {Folder}: the build copies it there (the SignalR client needs npm at build time)")]
    private static partial void LogMissing(ILogger logger, string file, string folder);
}
