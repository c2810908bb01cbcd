using ConciergeBot.Pipeline;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.Twilio;

/// <summary>
/// Twilio's two webhooks: messages in (SMS and WhatsApp) and delivery reports. Both are signed; an
/// unsigned or wrongly signed request gets 403. A message is in the inbox before Twilio hears 200, and
/// the reply goes later through the REST API, so a slow turn never times the webhook out.
/// </summary>
public static partial class TwilioEndpoints
{
    private const long MaxBodyBytes = 64 * 1024;

    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    public static IEndpointRouteBuilder MapTwilio(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        app.MapPost(options.WebhookPath, MessageAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(options.StatusPath, StatusAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> MessageAsync(HttpContext http, TwilioInbound inbound, TurnIngress ingress, IOptions<TwilioOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TwilioEndpoints));
        if (await SignedFormAsync(http, options.Value, logger, cancellationToken) is not { } form)
        {
            return http.Request.HasFormContentType ? TypedResults.StatusCode(StatusCodes.Status403Forbidden) : TypedResults.BadRequest();
        }

        if (await inbound.ReadAsync(form, cancellationToken) is not { } activity)
        {
            LogNotAMessage(logger);
            return TypedResults.BadRequest();
        }

        await ingress.AcceptAsync(activity, cancellationToken);
        return TypedResults.Text(EmptyTwiml, "text/xml");
    }

    private static async Task<IResult> StatusAsync(HttpContext http, DeliveryReports reports, IOptions<TwilioOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TwilioEndpoints));
        if (await SignedFormAsync(http, options.Value, logger, cancellationToken) is not { } form)
        {
            return http.Request.HasFormContentType ? TypedResults.StatusCode(StatusCodes.Status403Forbidden) : TypedResults.BadRequest();
        }

        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        if (sid.Length == 0 || status.Length == 0)
        {
            LogNotAMessage(logger);
            return TypedResults.BadRequest();
        }

        var failure = TwilioErrors.DeliveryFailure(status, int.TryParse(form["ErrorCode"], out var code) ? code : null);
        await reports.RecordAsync(TwilioChannels.All, sid, status, failure, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The form, when <c>X-Twilio-Signature</c> signs it for the URL Twilio called; null (and a log line) otherwise.</summary>
    private static async Task<IFormCollection?> SignedFormAsync(HttpContext http, TwilioOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType || http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            LogNotAForm(logger, http.Request.Path);
            return null;
        }

        // Twilio's posts are a few kilobytes; nothing unsigned is buffered beyond that.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            LogNotAForm(logger, http.Request.Path);
            return null;
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var url = CalledUrl(http.Request, options);
        var parameters = form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? "")));
        if (!TwilioSignature.IsValid(options.AuthToken, url, parameters, http.Request.Headers["X-Twilio-Signature"].ToString()))
        {
            LogBadSignature(logger, http.Request.Path, http.Connection.RemoteIpAddress?.ToString());
            return null;
        }

        return form;
    }

    private static string CalledUrl(HttpRequest request, TwilioOptions options) =>
        (string.IsNullOrEmpty(options.PublicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : options.PublicBaseUrl.TrimEnd('/'))
        + request.Path + request.QueryString;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Twilio webhook at {Path} from {Remote}: missing or wrong X-Twilio-Signature")]
    private static partial void LogBadSignature(ILogger logger, string path, string? remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Twilio webhook at {Path}: not a URL-encoded form post of at most 64 KB")]
    private static partial void LogNotAForm(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a signed Twilio webhook without MessageSid, From or MessageStatus")]
    private static partial void LogNotAMessage(ILogger logger);
}
