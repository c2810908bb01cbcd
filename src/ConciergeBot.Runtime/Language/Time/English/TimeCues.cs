using System.Collections.Frozen;

namespace ConciergeBot.Language.Time.English;

/// <summary>
/// Whether a message could name a date or a time at all. Microsoft.Recognizers.Text runs hundreds of
/// expressions over every message (and rebuilds some of them each time), while most messages in a
/// dialog ("yes", "skip", "I'd like to reschedule") hold no time: those are not handed to it. The test
/// only ever errs one way: any digit, and any word that starts like, contains or is one of the
/// library's date and time words (numbers, months, weekdays, relative words, parts of the day, units,
/// holidays) counts as a cue, so the library still sees every message it could find something in.
/// Indonesian time words count too, so a message mixing the languages is always looked at.
/// </summary>
internal static class TimeCues
{
    // Short words, and words that would catch too much as the start of a longer one.
    private static readonly FrozenSet<string> Words = FrozenSet.Create(StringComparer.Ordinal,
        "am", "pm", "now", "ago", "eve", "nye", "next", "last", "past", "late", "later", "early", "earlier", "soon", "asap",
        "future", "moment", "every", "daily", "may", "mayo", "mar", "march", "one", "ones", "ten", "tens", "tenth", "half",
        "dozen", "couple", "clock", "h", "hr", "hrs", "wk", "wks", "yr", "yrs", "mo", "mos", "mth", "mths", "tdy", "nxt", "wknd", "wkend",
        "eod", "cob", "eow", "eom", "eoy", "ytd", "mtd", "mlk", "eid", "lent",
        "lusa", "jam", "pukul", "tgl", "pagi", "siang", "sore", "malam", "subuh", "nanti", "ntar", "depan", "lalu", "rabu", "ahad", "mei");

    private static readonly string[] Starts =
    [
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "tom", "tmr", "tmo", "tod", "ton", "yest", "nite", "mid", "even", "dawn", "dusk", "lunch", "breakfast",
        "brunch", "dinner", "supper", "bed", "tea", "fortnight", "decade", "centur", "millenni", "semester", "season", "summer", "winter",
        "autumn", "spring", "fall", "min", "sec", "current", "recent", "previous", "present", "immediate", "upcoming", "coming", "following",
        "two", "thr", "four", "fiv", "fif", "six", "sev", "eigh", "nin", "elev", "twel", "twen", "thir", "fort",
        "hundred", "thousand", "first", "second", "third", "nought", "aught",
        "christ", "xmas", "easter", "pentecost", "hallow", "thanksgiving", "valentine", "inaugur", "groundhog", "patrick", "mardi", "jubilee",
        "yuan", "luther", "bastille", "fawkes", "kwanzaa", "hanukkah", "chanukah", "ramadan", "diwali", "passover", "kippur", "hashanah",
        "boxing", "solstice", "equinox", "labo", "memorial", "veteran", "columbus", "independence", "saint", "souls", "lunar",
        "besok", "bsk", "kemarin", "kmrn", "hari", "minggu", "bulan", "tahun", "sekarang", "skrg", "senin", "selasa", "kamis", "jumat",
        "sabtu", "januari", "februari", "maret", "april", "juni", "juli", "agustus", "september", "oktober", "november", "desember",
        "tanggal", "menit", "detik", "setengah", "seperempat", "sebentar",
    ];

    private static readonly string[] Inside = ["day", "night", "noon", "morn", "week", "month", "year", "hour", "time", "annual", "quarter"];

    public static bool Present(string text)
    {
        Span<char> word = stackalloc char[32];
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsNumber(c))
            {
                return true;
            }

            if (!char.IsLetter(c))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            // A word too long for the buffer is not looked at closely: it counts as a cue.
            var length = i - start;
            if (length > word.Length || IsCue(word[..text.AsSpan(start, length).ToLowerInvariant(word)]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCue(ReadOnlySpan<char> word)
    {
        if (Words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return true;
        }

        foreach (var start in Starts)
        {
            if (word.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var inside in Inside)
        {
            if (word.Contains(inside, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
