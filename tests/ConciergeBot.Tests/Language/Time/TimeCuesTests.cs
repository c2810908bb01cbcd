using System.Globalization;
using System.Text.Json.Nodes;
using ConciergeBot.Language.Time;
using ConciergeBot.Language.Time.English;
using ConciergeBot.Language.Time.Indonesian;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace ConciergeBot.Tests.Language.Time;

/// <summary>
/// The English recognizer leaves a message without any date or time cue alone, rather than hand it
/// to the library; that must never cost a time the library would have found.
/// </summary>
public sealed class TimeCuesTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    // Monday 23 November 2026, 10:00 in Jakarta.
    private static readonly TimeContext MondayMorning = new(DateTimeOffset.Parse("2026-11-23T10:00:00+07:00", CultureInfo.InvariantCulture), Jakarta);

    private static readonly EnglishTimeRecognizer English = new();

    private static readonly Lazy<DateTimeModel> Library = new(() => new DateTimeRecognizer(Culture.English, DateTimeOptions.None).GetDateTimeModel());

    /// <summary>What the library knows besides the plain dates and times of the data sets: holidays, decades, sets, spellings.</summary>
    private static readonly string[] Unusual =
    [
        "christmas", "xmas eve", "new year's eve", "new year", "halloween", "thanksgiving", "easter sunday", "mardi gras", "cinco de mayo",
        "juneteenth", "yuandan", "black friday", "boxing day", "all saints", "mlk day", "independence day", "labor day", "valentine's",
        "now", "right now", "asap", "as soon as possible", "recently", "previously", "currently", "presently", "at the moment", "lately",
        "in the future", "in the past", "later", "soon", "sometime", "anytime", "whenever", "the other day", "ago", "a while ago",
        "the weekend", "a fortnight", "a decade ago", "the nineties", "the eighties", "the twenties", "the noughties", "the aughts", "the 90s",
        "millennium", "century", "semester", "season", "summer", "winter", "this fall", "spring", "autumn",
        "noon", "midnight", "midday", "lunchtime", "tonight", "this morning", "this am", "tomorrow a.m.", "dawn", "dusk", "sunset", "sunrise",
        "bedtime", "breakfast", "brunch", "dinner time", "supper", "teatime", "overnight", "daytime", "business hours", "the morning",
        "afternoon", "evening", "night", "nite", "tonite", "eve", "early", "late", "earlier", "latest",
        "daily", "weekly", "fortnightly", "biweekly", "annually", "semiannually", "biannually", "bimonthly", "quarterly", "hourly", "nightly",
        "yearly", "every monday", "each week", "weekdays", "workday", "the holidays", "spring break", "q1", "h1", "mid year",
        "the two thousands", "the tens",
        "half past seven", "quarter to three", "at seven", "seven thirty", "eleven o'clock", "first of may", "the twenty first",
        "the first", "the second", "one", "zero hour", "mid-march", "the ides of march", "EOD", "by COB", "end of month", "ytd",
        "in a few minutes", "in a couple of hours", "an hour", "for a while", "mins", "secs", "hr", "yrs", "wk",
        "sat", "sun", "the 1st", "2day", "tdy", "nxt week", "wknd", "tmrw", "tomoro", "last night", "yesterday", "a.m.", "p.m.", "am", "pm",
    ];

    [Theory]
    [InlineData("I'd like to reschedule")]
    [InlineData("Skip")]
    [InlineData("yes")]
    [InlineData("cancel")]
    [InlineData("no thanks, that's all")]
    [InlineData("can I talk to a person?")]
    [InlineData("Sari Wijaya")]
    public void A_message_without_a_cue_is_not_read_and_has_no_time(string text)
    {
        Assert.False(TimeCues.Present(text));
        Assert.Empty(English.Recognize(text, MondayMorning));
        Assert.Empty(Library.Value.Parse(text, MondayMorning.LocalNow));
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("tmrw at noon")]
    [InlineData("next Friday afternoon")]
    [InlineData("Dec 5")]
    [InlineData("5 December at 14:30")]
    [InlineData("in 3 days")]
    [InlineData("this weekend")]
    [InlineData("tonight")]
    [InlineData("on the 3rd")]
    [InlineData("half past seven tomorrow")]
    public void A_message_with_a_cue_still_has_its_time(string text)
    {
        Assert.True(TimeCues.Present(text));
        Assert.NotEmpty(English.Recognize(text, MondayMorning));
    }

    [Theory]
    [InlineData("besok pagi")]
    [InlineData("lusa jam 3 sore")]
    [InlineData("minggu depan")]
    public void Indonesian_time_words_are_cues_and_still_found_when_the_conversation_is_english(string text)
    {
        Assert.True(TimeCues.Present(text));
        Assert.NotEmpty(new TimeRecognition([English, new IndonesianTimeRecognizer()]).Recognize(text, "en", MondayMorning));
    }

    [Fact]
    public void Every_message_the_library_finds_something_in_has_a_cue()
    {
        var data = new[] { "datetime.en.jsonl", "datetime.id.jsonl", "intents.en.jsonl", "intents.id.jsonl" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Language", "Data", file)))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonNode.Parse(line)!["text"]!.GetValue<string>());
        var texts = data.Concat(Unusual).ToList();

        var missed = texts.Where(text => Library.Value.Parse(text, MondayMorning.LocalNow).Count > 0 && !TimeCues.Present(text)).ToList();

        Assert.True(texts.Count > 1_000, $"only {texts.Count} texts");
        Assert.Empty(missed);
    }
}
