namespace ConciergeBot.CheckIns;

/// <summary>How long after the customer's last message a channel lets the business write freely (WhatsApp: 24 hours; then only templates).</summary>
public static class ChannelWindow
{
    public static TimeSpan? FreeForm(string channel) => channel switch
    {
        "whatsapp" or "whatsapp-cloud" => TimeSpan.FromHours(24),
        _ => null,
    };

    public static bool AllowsFreeForm(string channel, DateTimeOffset? lastCustomerMessage, DateTimeOffset now) =>
        FreeForm(channel) is not { } window || (lastCustomerMessage is { } last && now - last < window);
}
