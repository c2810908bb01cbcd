using System.Reflection;
using System.Text.RegularExpressions;
using ConciergeBot.Dialogs;
using ConciergeBot.Localization;

namespace ConciergeBot.Tests.Localization;

public sealed partial class LocaleFileTests
{
    private static readonly LocaleCatalog Catalog = LocaleCatalog.Load(Path.Combine(AppContext.BaseDirectory, "locales"));

    public static TheoryData<string> KeysUsedInCode() => [.. UsedKeys()];

    private static IEnumerable<string> UsedKeys()
    {
        foreach (var assembly in new[] { typeof(RuntimeTexts).Assembly, typeof(DialogTexts).Assembly })
        {
            foreach (var field in assembly.GetTypes().SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)))
            {
                if (field.FieldType == typeof(TextKey))
                {
                    yield return ((TextKey)field.GetValue(null)!).Name;
                }
            }
        }
    }

    [Fact]
    public void Both_languages_are_present()
    {
        Assert.Equal(["en", "id"], Catalog.Languages.Order());
    }

    [Theory]
    [MemberData(nameof(KeysUsedInCode))]
    public void Every_key_used_in_code_exists_in_every_language(string key)
    {
        Assert.All(Catalog.Languages, language => Assert.True(Catalog.Contains(language, new TextKey(key)), $"'{key}' is missing in {language}.json"));
    }

    [Fact]
    public void Every_key_in_one_language_exists_in_the_other()
    {
        Assert.Equal(Catalog.Keys("en").Order(), Catalog.Keys("id").Order());
    }

    [Fact]
    public void A_sentence_has_the_same_placeholders_in_every_language()
    {
        foreach (var key in Catalog.Keys("en"))
        {
            var en = Placeholders(Catalog.Get("en", new TextKey(key)));
            var id = Placeholders(Catalog.Get("id", new TextKey(key)));
            Assert.True(en.SetEquals(id), $"'{key}' has placeholders {{{string.Join(",", en)}}} in English but {{{string.Join(",", id)}}} in Indonesian");
        }
    }

    [Fact]
    public void No_key_is_left_unused()
    {
        var used = UsedKeys().ToHashSet();
        var unused = Catalog.Keys("en").Where(k => !used.Contains(k)).ToList();
        Assert.True(unused.Count == 0, $"Unused keys: {string.Join(", ", unused)}");
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{[a-zA-Z]+\}")]
    private static partial Regex Placeholder();
}
