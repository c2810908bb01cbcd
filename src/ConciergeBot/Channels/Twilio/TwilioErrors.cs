using ConciergeBot.Pipeline;

namespace ConciergeBot.Channels.Twilio;

/// <summary>Twilio's answers as the outbox understands them: delivered, worth retrying, or a failure with its meaning.</summary>
public static class TwilioErrors
{
    public const int InvalidTo = 21211;
    public const int RegionNotEnabled = 21408;
    public const int Unsubscribed = 21610;
    public const int OutsideWhatsAppWindow = 63016;
    public const int TooManyRequests = 20429;

    public static DeliveryResult ToDelivery(ProviderAnswer answer) =>
        answer.ToDelivery("Twilio", Meaning(answer.ErrorCode), passing: answer.ErrorCode == TooManyRequests);

    /// <summary>The reason to record when a status callback says the message did not arrive; null while it is on its way or arrived.</summary>
    public static string? DeliveryFailure(string status, int? errorCode) =>
        status.ToLowerInvariant() is "failed" or "undelivered"
            ? $"Twilio: {status.ToLowerInvariant()}{(errorCode is { } code ? $" ({code}: {Meaning(code) ?? "see Twilio's error reference"})" : "")}"
            : null;

    /// <summary>What a code means for the business, in words an owner reading the failures understands.</summary>
    public static string? Meaning(int? code) => code switch
    {
        InvalidTo => "the number is not a valid phone number",
        RegionNotEnabled => "sending to this country is not enabled on the Twilio account",
        Unsubscribed => "the customer has unsubscribed (STOP) from this number",
        OutsideWhatsAppWindow => "outside WhatsApp's 24-hour window: only an approved template may be sent",
        TooManyRequests => "too many requests; sending again later",
        30003 => "the phone is unreachable or switched off",
        30004 => "the customer has blocked messages from this number",
        30005 => "the number does not exist",
        30006 => "the number cannot receive this kind of message (a landline?)",
        30007 => "the carrier filtered the message as spam",
        30008 => "the carrier could not deliver the message",
        _ => null,
    };
}
