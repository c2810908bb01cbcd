using ConciergeBot.Localization;
using ConciergeBot.Pipeline;

namespace ConciergeBot.Dialogs.Reschedule;

/// <summary>Times as people write them in the conversation's language, on the business's clock.</summary>
internal static class ScheduleWording
{
    /// <summary>"Thursday 3 December at 10:00" / "Kamis, 3 Desember pukul 10.00".</summary>
    public static string When(TurnContext turn, DateTimeOffset instant) => Format(turn, instant, RescheduleTexts.WhenFormat);

    /// <summary>A short label for a choice: "Thu 3 Dec, 10:00" / "Kam, 3 Des 10.00".</summary>
    public static string Slot(TurnContext turn, DateTimeOffset instant) => Format(turn, instant, RescheduleTexts.SlotFormat);

    public static string Date(TurnContext turn, DateTimeOffset instant) => Format(turn, instant, RescheduleTexts.DateFormat);

    private static string Format(TurnContext turn, DateTimeOffset instant, TextKey pattern) =>
        turn.Business.ToLocal(instant).ToString(turn.Text(pattern), Languages.Culture(turn.Language));
}
