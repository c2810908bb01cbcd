namespace ConciergeBot.Language.Intents;

/// <summary>
/// The intents the training files in <c>dialogs/nlu</c> define. They are strings because the
/// files are the source of truth: a business can add an intent there without a code change.
/// </summary>
public static class IntentNames
{
    /// <summary>Outside what the bot handles, gibberish, or too unsure to act on.</summary>
    public const string None = "none";
    public const string Greeting = "greeting";
    public const string Goodbye = "goodbye";
    public const string Help = "help";
    public const string Cancel = "cancel";
    public const string Reschedule = "reschedule";
    public const string ReportProblem = "report_problem";
    public const string TalkToAgent = "talk_to_agent";
}
