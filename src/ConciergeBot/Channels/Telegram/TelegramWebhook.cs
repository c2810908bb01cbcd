using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ConciergeBot.Channels.Telegram;

/// <summary>
/// The webhook Telegram posts updates to. Only a call carrying our secret in
/// <c>X-Telegram-Bot-Api-Secret-Token</c> is read; the update is in the inbox before the 200, and an
/// answer other than 2xx makes Telegram deliver it again (the inbox then recognises a repeat).
/// </summary>
internal sealed partial class TelegramWebhook(TelegramUpdates updates, IOptions<TelegramOptions> options, ILogger<TelegramWebhook> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.Request.Headers.TryGetValue(TelegramChannel.SecretHeader, out var given) || given.Count != 1)
        {
            LogRefused(http.Connection.RemoteIpAddress?.ToString(), "no secret token");
            return TypedResults.Unauthorized();
        }

        if (!SameSecret(given.ToString(), options.Value.WebhookSecret))
        {
            LogRefused(http.Connection.RemoteIpAddress?.ToString(), "a wrong secret token");
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            LogUnreadable(ex.Message);
            return TypedResults.BadRequest();
        }

        if (update is null)
        {
            return TypedResults.BadRequest();
        }

        try
        {
            await updates.AcceptAsync(update, cancellationToken);
            return TypedResults.Ok();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing was acknowledged: Telegram keeps the update and posts it again.
            LogAcceptFailed(ex, update.Id);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Compared as hashes in constant time, so neither the content nor the length leaks through timing.</summary>
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Telegram webhook call from {RemoteAddress} with {Problem}")]
    private partial void LogRefused(string? remoteAddress, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Telegram webhook call was not a readable update: {Error}")]
    private partial void LogUnreadable(string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {UpdateId} could not be stored; Telegram will deliver it again")]
    private partial void LogAcceptFailed(Exception exception, int updateId);
}
