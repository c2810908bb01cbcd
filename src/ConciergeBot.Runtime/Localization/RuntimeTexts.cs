namespace ConciergeBot.Localization;

/// <summary>Sentences the runtime itself says, whatever dialog is running.</summary>
public static class RuntimeTexts
{
    public static readonly TextKey TurnFailed = new("runtime.turnFailed");
    public static readonly TextKey DialogRestarted = new("runtime.dialogRestarted");
    public static readonly TextKey RetryGeneric = new("prompt.retry");
    public static readonly TextKey RetryChoice = new("prompt.retryChoice");
    public static readonly TextKey RetryConfirm = new("prompt.retryConfirm");
    public static readonly TextKey RetryNumber = new("prompt.retryNumber");
    public static readonly TextKey RetryDateTime = new("prompt.retryDateTime");
    public static readonly TextKey DateTimeInPast = new("prompt.dateTimeInPast");
    public static readonly TextKey DateTimeWhichOne = new("prompt.dateTimeWhichOne");
    public static readonly TextKey LanguageSwitched = new("runtime.languageSwitched");
    public static readonly TextKey Yes = new("prompt.yes");
    public static readonly TextKey No = new("prompt.no");

    /// <summary>The button that opens a list of choices on channels that show one (WhatsApp); 20 characters at most.</summary>
    public static readonly TextKey OpenChoices = new("prompt.openChoices");

    /// <summary>The button that shares the customer's phone number on channels that have one (Telegram).</summary>
    public static readonly TextKey SharePhone = new("prompt.sharePhone");
}
