namespace ConciergeBot.Language;

public enum Subscription
{
    OptOut,
    OptIn,
}

/// <summary>
/// STOP / berhenti / unsubscribe (no more reminders or check-ins) and START / mulai (again), as
/// carriers and WhatsApp users write them. Only a message that is nothing but the keyword counts:
/// "stop the noise in my engine" is a problem report, not an opt-out.
/// </summary>
public static class OptOutRecognizer
{
    private static readonly Dictionary<string, Subscription> Keywords = new(StringComparer.Ordinal)
    {
        ["stop"] = Subscription.OptOut,
        ["stop all"] = Subscription.OptOut,
        ["unsubscribe"] = Subscription.OptOut,
        ["opt out"] = Subscription.OptOut,
        ["optout"] = Subscription.OptOut,
        ["berhenti"] = Subscription.OptOut,
        ["berhenti langganan"] = Subscription.OptOut,
        ["stop kirim"] = Subscription.OptOut,
        ["start"] = Subscription.OptIn,
        ["unstop"] = Subscription.OptIn,
        ["subscribe"] = Subscription.OptIn,
        ["opt in"] = Subscription.OptIn,
        ["mulai"] = Subscription.OptIn,
        ["mulai lagi"] = Subscription.OptIn,
        ["langganan"] = Subscription.OptIn,
    };

    public static Subscription? Recognize(string? text) =>
        Keywords.TryGetValue(string.Join(' ', TextNormalizer.Words(text ?? "")), out var found) ? found : null;
}
