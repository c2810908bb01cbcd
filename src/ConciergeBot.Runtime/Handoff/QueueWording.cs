using System.Globalization;
using ConciergeBot.Conversations;
using ConciergeBot.Localization;

namespace ConciergeBot.Handoff;

/// <summary>Where a customer stands in the queue, told in one short paragraph in their language.</summary>
public static class QueueWording
{
    public static readonly TextKey OpeningFormat = new("handoff.openingFormat");

    public static string Describe(QueueStanding standing, string language, LocaleCatalog locales, BusinessProfile business)
    {
        if (!standing.Staffed)
        {
            return standing.NextOpening is { } opening
                ? locales.Get(language, HandoffTexts.Closed, ("opening", Opening(opening, language, locales, business)), ("zone", ZoneName(business.TimeZone, opening)))
                : locales.Get(language, HandoffTexts.ClosedNoOpening);
        }

        var parts = new List<string>(3);
        if (!standing.AnyoneOnline)
        {
            parts.Add(locales.Get(language, HandoffTexts.NobodyFree));
        }

        parts.Add(Position(standing.Ahead, language, locales));
        if (standing.AnyoneOnline && standing.Wait is { } wait)
        {
            parts.Add(locales.Get(language, HandoffTexts.Wait, ("minutes", WaitEstimate.Minutes(wait).ToString(CultureInfo.InvariantCulture))));
        }

        return string.Join(" ", parts);
    }

    public static string Position(int ahead, string language, LocaleCatalog locales) => ahead switch
    {
        0 => locales.Get(language, HandoffTexts.Next),
        1 => locales.Get(language, HandoffTexts.AheadOne),
        _ => locales.Get(language, HandoffTexts.Ahead, ("count", ahead.ToString(CultureInfo.InvariantCulture))),
    };

    private static string Opening(DateTimeOffset opening, string language, LocaleCatalog locales, BusinessProfile business) =>
        business.ToLocal(opening).ToString(locales.Get(language, OpeningFormat), Languages.Culture(language));

    /// <summary>Indonesia's zones by the names people use; elsewhere the offset and the zone's id.</summary>
    public static string ZoneName(TimeZoneInfo zone, DateTimeOffset at) => zone.Id switch
    {
        "Asia/Jakarta" or "Asia/Pontianak" or "SE Asia Standard Time" => "WIB",
        "Asia/Makassar" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => $"{zone.Id}, UTC{Offset(zone.GetUtcOffset(at))}",
    };

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
