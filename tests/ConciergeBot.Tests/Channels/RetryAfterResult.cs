using Microsoft.AspNetCore.Http;

namespace ConciergeBot.Tests.Channels;

/// <summary>A provider's answer with <c>Retry-After</c>, as a 429 carries it.</summary>
public sealed class RetryAfterResult(IResult inner, int seconds) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
