namespace ConciergeBot.Localization;

/// <summary>
/// The name of a sentence in the locale files. Code names sentences only through fields of this
/// type, so a test can check that every one exists in every language.
/// </summary>
public readonly record struct TextKey(string Name)
{
    public override string ToString() => Name;
}
