using System.Collections.Frozen;

namespace ConciergeBot.Language;

/// <summary>Small numbers written as words, in English and Indonesian: for answers, choices and clock times.</summary>
public static class NumberWords
{
    /// <summary>One to twelve ("tiga", "seven"), enough for a clock hour, a count or an option number.</summary>
    public static FrozenDictionary<string, int> OneToTwelve { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["satu"] = 1,
        ["dua"] = 2,
        ["tiga"] = 3,
        ["empat"] = 4,
        ["lima"] = 5,
        ["enam"] = 6,
        ["tujuh"] = 7,
        ["delapan"] = 8,
        ["sembilan"] = 9,
        ["sepuluh"] = 10,
        ["sebelas"] = 11,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Ordinals for "the second one" / "yang kedua".</summary>
    public static FrozenDictionary<string, int> Ordinals { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["first"] = 1,
        ["second"] = 2,
        ["third"] = 3,
        ["fourth"] = 4,
        ["fifth"] = 5,
        ["pertama"] = 1,
        ["kedua"] = 2,
        ["ketiga"] = 3,
        ["keempat"] = 4,
        ["kelima"] = 5,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
