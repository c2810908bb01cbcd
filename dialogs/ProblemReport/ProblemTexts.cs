using ConciergeBot.Localization;

namespace ConciergeBot.Dialogs.ProblemReport;

/// <summary>What the problem-report and follow-up dialogs say, by name in <c>locales/{language}.json</c>.</summary>
public static class ProblemTexts
{
    public static readonly TextKey AskDescription = new("problem.askDescription");
    public static readonly TextKey AskCategory = new("problem.askCategory");
    public static readonly TextKey WhichAppointment = new("problem.whichAppointment");
    public static readonly TextKey AppointmentChoice = new("problem.appointmentChoice");
    public static readonly TextKey NoneOfThese = new("problem.noneOfThese");
    public static readonly TextKey AskPhotos = new("problem.askPhotos");
    public static readonly TextKey Skip = new("problem.skip");
    public static readonly TextKey PhotosReceived = new("problem.photosReceived");
    public static readonly TextKey ApologyLow = new("problem.apologyLow");
    public static readonly TextKey ApologyMedium = new("problem.apologyMedium");
    public static readonly TextKey ApologySerious = new("problem.apologySerious");
    public static readonly TextKey Reference = new("problem.reference");
    public static readonly TextKey Voucher = new("problem.voucher");
    public static readonly TextKey Revisit = new("problem.revisit");
    public static readonly TextKey RevisitOffer = new("problem.revisitOffer");
    public static readonly TextKey RevisitTaken = new("problem.revisitTaken");
    public static readonly TextKey RevisitLater = new("problem.revisitLater");
    public static readonly TextKey RevisitBooked = new("problem.revisitBooked");
    public static readonly TextKey ForAPerson = new("problem.forAPerson");
    public static readonly TextKey FollowUp = new("problem.followUp");
    public static readonly TextKey FollowUpResolved = new("problem.followUpResolved");
    public static readonly TextKey SortedNow = new("problem.sortedNow");
    public static readonly TextKey Glad = new("problem.glad");
    public static readonly TextKey Reopened = new("problem.reopened");
}
