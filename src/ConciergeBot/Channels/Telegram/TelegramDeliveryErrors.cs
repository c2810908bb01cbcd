using System.Net;
using ConciergeBot.Pipeline;
using Telegram.Bot.Exceptions;

namespace ConciergeBot.Channels.Telegram;

/// <summary>What a failed Bot API call means for the outbox: wait and try again, or give up with a reason an operator understands.</summary>
internal static class TelegramDeliveryErrors
{
    public static DeliveryResult Classify(Exception error) => error switch
    {
        ApiRequestException { ErrorCode: 429 } flood =>
            DeliveryResult.Retry($"Telegram (429): {flood.Message}", flood.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : null),
        ApiRequestException { ErrorCode: 403 } refused =>
            DeliveryResult.Failed($"Telegram refused the chat (403, e.g. the customer blocked the bot): {refused.Message}"),
        ApiRequestException { ErrorCode: >= 500 } api => DeliveryResult.Retry($"Telegram ({api.ErrorCode}): {api.Message}"),
        ApiRequestException api => DeliveryResult.Failed($"Telegram rejected the message ({api.ErrorCode}): {api.Message}"),
        RequestException { HttpStatusCode: { } status } http when (int)status < 500 && status != HttpStatusCode.RequestTimeout =>
            DeliveryResult.Failed($"Telegram answered {(int)status}: {http.Message}"),
        _ => DeliveryResult.Retry($"Telegram could not be reached: {error.Message}"),
    };
}
