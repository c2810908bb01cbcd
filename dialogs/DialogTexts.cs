using ConciergeBot.Localization;

namespace ConciergeBot.Dialogs;

/// <summary>Every sentence the dialogs say, by its name in <c>locales/{language}.json</c>.</summary>
public static class DialogTexts
{
    public static readonly TextKey Greeting = new("root.greeting");
    public static readonly TextKey GreetingKnownCustomer = new("root.greetingKnownCustomer");
    public static readonly TextKey MenuQuestion = new("root.menuQuestion");
    public static readonly TextKey MenuReschedule = new("root.menu.reschedule");
    public static readonly TextKey MenuReportProblem = new("root.menu.reportProblem");
    public static readonly TextKey MenuHuman = new("root.menu.human");
    public static readonly TextKey Help = new("root.help");
    public static readonly TextKey Cancelled = new("root.cancelled");
    public static readonly TextKey NothingToCancel = new("root.nothingToCancel");
    public static readonly TextKey AnythingElse = new("root.anythingElse");
    public static readonly TextKey Goodbye = new("root.goodbye");

    public static readonly TextKey HandoffCustomerAsked = new("handoff.customerAsked");
    public static readonly TextKey HandoffAfterRetries = new("handoff.afterRetries");
    public static readonly TextKey HandoffPending = new("handoff.pending");
    public static readonly TextKey HandoffWithdrawn = new("handoff.withdrawn");
    public static readonly TextKey HandoffSerious = new("handoff.serious");
}
