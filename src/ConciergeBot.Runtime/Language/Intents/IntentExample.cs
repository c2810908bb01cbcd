namespace ConciergeBot.Language.Intents;

/// <summary>One training sentence and the intent it shows.</summary>
public sealed record IntentExample(string Text, string Intent);
