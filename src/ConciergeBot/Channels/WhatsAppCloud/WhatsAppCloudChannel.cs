namespace ConciergeBot.Channels.WhatsAppCloud;

public static class WhatsAppCloudChannel
{
    /// <summary>Our channel id; distinct from Twilio's <c>whatsapp</c>, as message ids and addresses differ in shape.</summary>
    public const string Id = "whatsapp-cloud";

    public static readonly IReadOnlyList<string> All = [Id];
}
