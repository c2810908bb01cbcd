using ConciergeBot.Admin;
using ConciergeBot.Conversations;
using ConciergeBot.Language.Nlu;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConciergeBot.Nlu;

public static class NluEndpoints
{
    /// <summary><c>POST /api/nlu/parse</c>: the <c>nlu</c> command's contract for one text, for operators.</summary>
    public static IEndpointRouteBuilder MapNlu(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/nlu")
            .RequireAuthorization(AdminKeyAuthentication.Policy)
            .MapPost("/parse", Parse)
            .WithName("ParseText");
        return app;
    }

    private static Results<Ok<NluOutput>, BadRequest<NluOutput>> Parse(NluInput? input, NluRequests requests, BusinessDirectory businesses)
    {
        var business = businesses.Current;
        var output = requests.Answer(input, business.TimeZone, business.DefaultLanguage);
        return output.Error is null ? TypedResults.Ok(output) : TypedResults.BadRequest(output);
    }
}
