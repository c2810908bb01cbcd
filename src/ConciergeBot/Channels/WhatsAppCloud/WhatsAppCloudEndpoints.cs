using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConciergeBot.Pipeline;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.WhatsAppCloud;

/// <summary>
/// The Cloud API's webhook: Meta's verification handshake (GET), and notifications (POST) signed over
/// the raw body with the app secret; a wrong or missing signature gets 403. Messages are in the inbox
/// before Meta hears 200 and replies go later through the outbox, so a slow turn never times the
/// webhook out, and a redelivery is answered once (the inbox knows the message id).
/// </summary>
public static partial class WhatsAppCloudEndpoints
{
    /// <summary>Meta's notifications are a few kilobytes; anything near this is not one of them.</summary>
    private const long MaxBodyBytes = 1_000_000;

    public static IEndpointRouteBuilder MapWhatsAppCloud(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<WhatsAppCloudOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        app.MapGet(options.WebhookPath, Verify).ExcludeFromDescription();
        app.MapPost(options.WebhookPath, NotifiedAsync).ExcludeFromDescription();
        return app;
    }

    private static IResult Verify(HttpContext http, IOptions<WhatsAppCloudOptions> options, ILoggerFactory loggers)
    {
        var query = http.Request.Query;
        var expected = Encoding.UTF8.GetBytes(options.Value.VerifyToken);
        var given = Encoding.UTF8.GetBytes(query["hub.verify_token"].ToString());
        if (query["hub.mode"] != "subscribe" || expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            LogVerificationRefused(loggers.CreateLogger(typeof(WhatsAppCloudEndpoints)), http.Connection.RemoteIpAddress?.ToString());
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        return TypedResults.Text(query["hub.challenge"].ToString(), "text/plain");
    }

    private static async Task<IResult> NotifiedAsync(
        HttpContext http, WhatsAppCloudInbound inbound, TurnIngress ingress, DeliveryReports reports, IOptions<WhatsAppCloudOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(WhatsAppCloudEndpoints));
        var body = await RawBodyAsync(http, cancellationToken);
        if (!WhatsAppCloudSignature.IsValid(options.Value.AppSecret, body, http.Request.Headers[WhatsAppCloudSignature.Header].ToString()))
        {
            LogBadSignature(logger, http.Connection.RemoteIpAddress?.ToString());
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        WhatsAppCloudNotification notification;
        try
        {
            notification = WhatsAppCloudNotification.Parse(body);
        }
        catch (JsonException ex)
        {
            LogMalformed(logger, ex.Message);
            return TypedResults.BadRequest();
        }

        var ours = options.Value.PhoneNumberId;
        foreach (var status in notification.Statuses.Where(s => s.PhoneNumberId == ours))
        {
            await reports.RecordAsync(WhatsAppCloudChannel.All, status.Id, status.Status, WhatsAppCloudErrors.DeliveryFailure(status), cancellationToken);
        }

        foreach (var message in notification.Messages)
        {
            // One app can serve several numbers; a reply would go from ours, so another's messages are not ours to answer.
            if (message.PhoneNumberId != ours)
            {
                LogOtherNumber(logger, message.PhoneNumberId);
                continue;
            }

            await ingress.AcceptAsync(await inbound.ReadAsync(message, cancellationToken), cancellationToken);
        }

        return TypedResults.Ok();
    }

    /// <summary>The signature is over the bytes exactly as Meta sent them, so they are read before any parsing.</summary>
    private static async Task<byte[]> RawBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused WhatsApp's webhook verification from {Remote}: wrong hub.mode or hub.verify_token")]
    private static partial void LogVerificationRefused(ILogger logger, string? remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a WhatsApp notification from {Remote}: missing or wrong X-Hub-Signature-256")]
    private static partial void LogBadSignature(ILogger logger, string? remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a signed WhatsApp notification that is not JSON: {Error}")]
    private static partial void LogMalformed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a WhatsApp message to phone number id {PhoneNumberId}, which is not the one configured")]
    private static partial void LogOtherNumber(ILogger logger, string phoneNumberId);
}
