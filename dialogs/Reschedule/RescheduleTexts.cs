using ConciergeBot.Localization;

namespace ConciergeBot.Dialogs.Reschedule;

/// <summary>What the reschedule dialog says, by its name in <c>locales/{language}.json</c>.</summary>
public static class RescheduleTexts
{
    public static readonly TextKey AskReference = new("reschedule.askReference");
    public static readonly TextKey AskIdentity = new("reschedule.askIdentity");
    public static readonly TextKey NotVerified = new("reschedule.notVerified");
    public static readonly TextKey NoUpcoming = new("reschedule.noUpcoming");
    public static readonly TextKey WhichAppointment = new("reschedule.whichAppointment");
    public static readonly TextKey AppointmentChoice = new("reschedule.appointmentChoice");
    public static readonly TextKey Found = new("reschedule.found");
    public static readonly TextKey TooClose = new("reschedule.tooClose");
    public static readonly TextKey TooManyChanges = new("reschedule.tooManyChanges");
    public static readonly TextKey OfferPerson = new("reschedule.offerPerson");
    public static readonly TextKey KeepIt = new("reschedule.keepIt");
    public static readonly TextKey AskReason = new("reschedule.askReason");
    public static readonly TextKey AskReasonRequired = new("reschedule.askReasonRequired");
    public static readonly TextKey Skip = new("reschedule.skip");
    public static readonly TextKey AskWhen = new("reschedule.askWhen");
    public static readonly TextKey AskWhenAgain = new("reschedule.askWhenAgain");
    public static readonly TextKey Taken = new("reschedule.taken");
    public static readonly TextKey Closed = new("reschedule.closed");
    public static readonly TextKey TooSoon = new("reschedule.tooSoon");
    public static readonly TextKey TooFar = new("reschedule.tooFar");
    public static readonly TextKey Nearest = new("reschedule.nearest");
    public static readonly TextKey InWindow = new("reschedule.inWindow");
    public static readonly TextKey NothingInWindow = new("reschedule.nothingInWindow");
    public static readonly TextKey NoneNear = new("reschedule.noneNear");
    public static readonly TextKey AnotherTime = new("reschedule.anotherTime");
    public static readonly TextKey Person = new("reschedule.person");
    public static readonly TextKey NoThanks = new("reschedule.noThanks");
    public static readonly TextKey Confirm = new("reschedule.confirm");
    public static readonly TextKey Done = new("reschedule.done");
    public static readonly TextKey JustTaken = new("reschedule.justTaken");
    public static readonly TextKey Changed = new("reschedule.changed");

    /// <summary>Date patterns (.NET custom format strings), so a business writes dates as its customers do.</summary>
    public static readonly TextKey WhenFormat = new("reschedule.format.when");
    public static readonly TextKey SlotFormat = new("reschedule.format.slot");
    public static readonly TextKey DateFormat = new("reschedule.format.date");
}
