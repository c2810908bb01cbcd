namespace ConciergeBot.Agents;

public static class AgentConsole
{
    /// <summary>Agent accounts, the desk's API, the live hub.</summary>
    public static IServiceCollection AddAgentConsole(this IServiceCollection services)
    {
        services.AddAgentAuthentication();
        services.AddSignalR();
        services.AddHostedService<AgentHubBroadcaster>();
        return services;
    }

    /// <summary>The API, the hub, and the console's pages for the browser.</summary>
    public static IEndpointRouteBuilder MapAgentConsole(this IEndpointRouteBuilder app)
    {
        app.MapAgentApi();
        app.MapHub<AgentHub>(AgentHub.Path);
        app.MapAgentConsolePages();
        return app;
    }
}
