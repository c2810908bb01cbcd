using ConciergeBot.Admin.Scheduling;
using ConciergeBot.CheckIns;

namespace ConciergeBot.Admin;

public static class AdminApi
{
    /// <summary>What the admin API needs besides the bot: its OpenAPI description, problem details, the importer.</summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi(options => options
            .AddDocumentTransformer<AdminKeySecurityScheme>()
            .AddOperationTransformer<AdminKeySecurityScheme>());
        services.AddSingleton<AppointmentImporter>();
        return services;
    }

    /// <summary>Everything under <c>/api/admin</c>, each area in its own class; every route needs the admin key.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(AdminKeyAuthentication.Policy);
        admin.MapServices();
        admin.MapResources();
        admin.MapOverrides();
        admin.MapAppointments();
        admin.MapAppointmentImport();
        admin.MapRescheduleReport();
        admin.MapAgentAccounts();
        admin.MapSatisfactionReport();
        admin.MapCheckInList();
        return app;
    }
}
