using ConciergeBot.Localization;

namespace ConciergeBot.Dialogs.CheckIn;

/// <summary>What the check-in, reminder and opt-out dialogs say, by name in <c>locales/{language}.json</c>.</summary>
public static class CheckInTexts
{
    public static readonly TextKey AskVisit = new("checkIn.askVisit");
    public static readonly TextKey AskHandoff = new("checkIn.askHandoff");
    public static readonly TextKey Today = new("checkIn.today");
    public static readonly TextKey Yesterday = new("checkIn.yesterday");
    public static readonly TextKey OnDate = new("checkIn.onDate");
    public static readonly TextKey Thanks = new("checkIn.thanks");
    public static readonly TextKey InviteReview = new("checkIn.inviteReview");
    public static readonly TextKey Sorry = new("checkIn.sorry");
    public static readonly TextKey RetryScore = new("checkIn.retryScore");
    public static readonly TextKey Reminder = new("reminder.ask");
    public static readonly TextKey Confirm = new("reminder.confirm");
    public static readonly TextKey Reschedule = new("reminder.reschedule");
    public static readonly TextKey Person = new("reminder.person");
    public static readonly TextKey Confirmed = new("reminder.confirmed");
    public static readonly TextKey OptedOut = new("optOut.done");
    public static readonly TextKey OptedIn = new("optOut.undone");
}
