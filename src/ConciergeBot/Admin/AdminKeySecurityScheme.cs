using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ConciergeBot.Admin;

/// <summary>
/// Declares the <c>X-Admin-Key</c> header in the OpenAPI document and marks the operations that need it,
/// so a generated client or an API explorer sends the key where it is required and nowhere else.
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
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var needsKey = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<IAuthorizeData>()
            .Any(a => a.Policy == AdminKeyAuthentication.Policy);
        if (needsKey)
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
