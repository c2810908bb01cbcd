using ConciergeBot.Activities;
using ConciergeBot.Language;

namespace ConciergeBot.Dialogs.Root;

/// <summary>What the bot offers, as choices whose synonyms are the intent phrases in both languages.</summary>
internal static class MainMenu
{
    public const string Reschedule = "reschedule";
    public const string ReportProblem = "report-problem";
    public const string Human = "human";

    public static List<Choice> Choices { get; } =
    [
        new(Reschedule, "", IntentRecognizer.Phrases[Intent.Reschedule], DialogTexts.MenuReschedule.Name),
        new(ReportProblem, "", IntentRecognizer.Phrases[Intent.ReportProblem], DialogTexts.MenuReportProblem.Name),
        new(Human, "", IntentRecognizer.Phrases[Intent.Human], DialogTexts.MenuHuman.Name),
    ];
}
