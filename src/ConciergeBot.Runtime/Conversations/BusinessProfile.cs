namespace ConciergeBot.Conversations;

/// <summary>The business the bot speaks for, as dialogs need it: its name, its time zone and its default language.</summary>
public sealed record BusinessProfile(Guid Id, string Name, TimeZoneInfo TimeZone, string DefaultLanguage)
{
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);
}
