using ConciergeBot.Agents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ConciergeBot.Admin;

/// <summary>
/// Declares the <c>X-Admin-Key</c> header and the agents' sign-in cookie in the OpenAPI document and
/// marks the operations that need them, so a generated client or an API explorer sends a credential
/// where it is required and nowhere else. The desk's routes take either: an agent's cookie, or the
/// admin key with the agent named in <c>X-Agent</c>.
/// </summary>
internal sealed class AdminKeySecurityScheme : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "ConciergeBot";
        document.Info.Description = "The bot's operator API. Admin routes need the key configured as Admin:ApiKey in the X-Admin-Key header. "
            + "Times are ISO 8601: with an offset (or Z) they are instants, without one they are read in the business's time zone; answers carry the business's offset.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[AdminKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AdminKeyAuthentication.Header,
            Description = "The admin key (configuration Admin:ApiKey).",
        };
        document.Components.SecuritySchemes[AgentAuthentication.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = AgentAuthentication.CookieName,
            Description = "An agent's session, from POST /api/agent/login.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToHashSet();
        if (policies.Contains(AgentAuthentication.AgentPolicy) || policies.Contains(AgentAuthentication.SupervisorPolicy))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AgentAuthentication.Scheme, context.Document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdminKeyAuthentication.SchemeName, context.Document)] = [] });
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, and no admin key." });
            return Task.CompletedTask;
        }

        if (policies.Contains(AdminKeyAuthentication.Policy))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(AdminKeyAuthentication.SchemeName, context.Document)] = [],
            });
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No admin key, or a wrong one." });
        }

        return Task.CompletedTask;
    }
}
