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

    public static IEndpointRouteBuilder MapAgentConsole(this IEndpointRouteBuilder app)
    {
        app.MapAgentApi();
        app.MapHub<AgentHub>(AgentHub.Path);
        return app;
    }
}
