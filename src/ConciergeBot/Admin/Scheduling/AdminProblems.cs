using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// The admin API's 404 and 409 answers: problem details that say which thing and why, sent as
/// <c>application/problem+json</c> and declared so in the OpenAPI document (which the framework's
/// <c>NotFound&lt;ProblemDetails&gt;</c> and <c>Conflict&lt;ProblemDetails&gt;</c> would send as plain JSON).
/// </summary>
internal static class AdminProblems
{
    public static NotFoundProblem NotFound(string detail) => new(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = detail });

    public static ConflictProblem Conflict(string title, string detail) => new(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = title, Detail = detail });

    internal static Task WriteAsync(ProblemDetails details, HttpContext context) => TypedResults.Problem(details).ExecuteAsync(context);

    internal static void Declare(int status, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}

public sealed class NotFoundProblem(ProblemDetails details) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    public ProblemDetails Value => details;

    object? IValueHttpResult.Value => details;

    public int? StatusCode => StatusCodes.Status404NotFound;

    public Task ExecuteAsync(HttpContext httpContext) => AdminProblems.WriteAsync(details, httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => AdminProblems.Declare(StatusCodes.Status404NotFound, builder);
}

public sealed class ConflictProblem(ProblemDetails details) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    public ProblemDetails Value => details;

    object? IValueHttpResult.Value => details;

    public int? StatusCode => StatusCodes.Status409Conflict;

    public Task ExecuteAsync(HttpContext httpContext) => AdminProblems.WriteAsync(details, httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => AdminProblems.Declare(StatusCodes.Status409Conflict, builder);
}
