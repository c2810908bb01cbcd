using ConciergeBot.Pipeline;

namespace ConciergeBot.Channels.WhatsAppCloud;

/// <summary>The Cloud API's answers as the outbox understands them: delivered, worth retrying, or a failure with its meaning.</summary>
public static class WhatsAppCloudErrors
{
    public const int InvalidParameter = 100;
    public const int AccessTokenInvalid = 190;
    public const int AppRateLimit = 4;
    public const int AccountRateLimit = 80007;
    public const int ThroughputLimit = 130429;
    public const int PairRateLimit = 131056;
    public const int Undeliverable = 131026;
    public const int OutsideWindow = 131047;

    /// <summary>Limits and Meta's own passing faults: the same message goes through later.</summary>
    private static readonly HashSet<int> Passing = [AppRateLimit, AccountRateLimit, ThroughputLimit, PairRateLimit, 1, 2, 131000, 131016];

    public static DeliveryResult ToDelivery(ProviderAnswer answer) =>
        answer.ToDelivery("WhatsApp", Meaning(answer.ErrorCode), passing: answer.ErrorCode is { } code && Passing.Contains(code));

    /// <summary>The reason to record when a status notification says the message did not arrive; null while it is on its way or arrived.</summary>
    public static string? DeliveryFailure(CloudStatus status) =>
        status.Status.Equals("failed", StringComparison.OrdinalIgnoreCase)
            ? $"WhatsApp: failed{(status.ErrorCode is { } code ? $" ({code}: {Meaning(code) ?? status.ErrorTitle ?? "see Meta's error reference"})" : status.ErrorTitle is { } title ? $" ({title})" : "")}"
            : null;

    /// <summary>What a code means for the business, in words an owner reading the failures understands.</summary>
    public static string? Meaning(int? code) => code switch
    {
        InvalidParameter => "a parameter of the message was not accepted",
        AccessTokenInvalid => "the access token has expired or is not valid (WhatsAppCloud:AccessToken)",
        10 or 200 => "the access token has no permission for this phone number",
        AppRateLimit => "too many calls from the app; sending again later",
        AccountRateLimit => "the business account's rate limit was reached; sending again later",
        ThroughputLimit => "the phone number's throughput limit was reached; sending again later",
        PairRateLimit => "too many messages to this customer in a short time; sending again later",
        Undeliverable => "undeliverable: the number may not be on WhatsApp, or has not accepted WhatsApp's current terms",
        OutsideWindow => "outside WhatsApp's 24-hour window: only an approved template may be sent",
        131030 => "the number is not on the test number's list of allowed recipients",
        131031 => "the business account is locked",
        131049 => "Meta held the message back to keep the customer's engagement healthy",
        131051 => "WhatsApp does not support this kind of message",
        131052 or 131053 => "the media could not be fetched or uploaded",
        132000 => "the template was given the wrong number of variables",
        132001 => "the template does not exist in that language, or is not approved",
        132012 => "a template variable is not in the format the template expects",
        133010 => "the phone number is not registered with the Cloud API",
        368 => "the business is temporarily blocked for policy violations",
        _ => null,
    };
}
