using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace ConciergeBot.Language.Time.English;

/// <summary>
/// English dates and times through Microsoft.Recognizers.Text, resolved on the business's calendar:
/// the recognizer is given the business's wall-clock time, never UTC, and its readings are turned
/// into instants in the business's zone. On top of it our shared rules: the reading that is not in
/// the past, a clock time inside business hours, parts of the day as our windows, numeric dates in
/// day/month order (as customers in Indonesia write them), and both readings of "next Wednesday".
/// </summary>
/// <remarks>
/// Before recognition the text is lightly normalized (chat spellings such as "tmrw", "10.30" as a
/// clock time, "5/12" turned into the library's month/day order) without changing what the caller
/// sees: every mention's <see cref="TimeMention.Index"/> and <see cref="TimeMention.Text"/> point
/// into the original text.
/// </remarks>
public sealed partial class EnglishTimeRecognizer : ITimeRecognizer
{
    // Building the model compiles hundreds of expressions; once built it is read-only and shared.
    private static readonly DateTimeModel Model = new DateTimeRecognizer(Culture.English, DateTimeOptions.None).GetDateTimeModel();

    public string Language => Localization.Languages.English;

    public IReadOnlyList<TimeMention> Recognize(string text, TimeContext context)
    {
        if (string.IsNullOrWhiteSpace(text) || !TimeCues.Present(text))
        {
            return [];
        }

        var normalized = Normalized.From(text);
        var now = context.LocalNow;
        var mentions = new List<TimeMention>();
        var results = Model.Parse(normalized.Text, now);
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            if (IsNotATime(normalized.Text, result))
            {
                continue;
            }

            if (i + 1 < results.Count && Merge(normalized, result, results[i + 1], context) is { } merged)
            {
                mentions.Add(merged);
                i++;
                continue;
            }

            if (SplitMove(normalized, result, now, context) is { } moved)
            {
                mentions.AddRange(moved);
                continue;
            }

            if (Resolve(normalized, result, 0, context) is { } mention)
            {
                mentions.Add(mention);
            }
        }

        foreach (Match ordinal in DayOrdinal().Matches(text))
        {
            if (!mentions.Any(m => m.Index < ordinal.Index + ordinal.Length && ordinal.Index < m.Index + m.Text.Length))
            {
                mentions.Add(DayOfMonth(ordinal, context));
            }
        }

        return mentions.Count > 1 ? [.. mentions.OrderBy(m => m.Index)] : mentions;
    }

    private static TimeMention? Resolve(Normalized normalized, ModelResult result, int offset, TimeContext context)
    {
        if (Values(result) is not { } values)
        {
            return null;
        }

        var type = Type(result);
        var readings = values.SelectMany(v => Read(type, v, context)).Distinct().ToList();
        return Mention(normalized, offset + result.Start, offset + result.End, readings, context);
    }

    /// <summary>
    /// "tomorrow at lunchtime", "lunchtime tomorrow": a day and a time of day the library found as two
    /// mentions next to each other are one time.
    /// </summary>
    private static TimeMention? Merge(Normalized normalized, ModelResult first, ModelResult second, TimeContext context)
    {
        var (date, time) = Type(first) == "date" ? (first, second) : (second, first);
        if (second.Start <= first.End || Type(date) != "date" || Type(time) is not ("time" or "timerange") || Values(date) is not { } days || Values(time) is not { } clocks
            || !Adjacent().IsMatch(normalized.Text.AsSpan(first.End + 1, second.Start - first.End - 1)))
        {
            return null;
        }

        var readings = days.SelectMany(v => Read("date", v, context))
            .Where(d => d.Grain == TimeGrain.Day)
            .SelectMany(d => clocks.Select(c => OnDay(DateOnly.FromDateTime(context.ToLocal(d.Start)), Type(time), c, context)))
            .OfType<TimeReading>()
            .Distinct()
            .ToList();
        return Mention(normalized, first.Start, second.End, readings, context);
    }

    private static TimeReading? OnDay(DateOnly day, string type, Dictionary<string, string> value, TimeContext context)
    {
        var timex = value.GetValueOrDefault("timex") ?? "";
        if (type == "time")
        {
            return Clock(value, "value") is { } clock ? TimeReading.Point(context.At(day.ToDateTime(clock))) : null;
        }

        if (PartOfDay(timex) is { } part)
        {
            return PartsOfDay.Window(day, part, context);
        }

        return Clock(value, "start") is { } from && Clock(value, "end") is { } to
            ? new TimeReading(context.At(day.ToDateTime(from)), context.At(day.AddDays(to <= from ? 1 : 0).ToDateTime(to)), TimeGrain.Hour)
            : null;
    }

    private static TimeMention? Mention(Normalized normalized, int first, int last, List<TimeReading> readings, TimeContext context)
    {
        if (readings.Count == 0)
        {
            return null;
        }

        var (start, end) = normalized.Original(first, last);
        var (best, others) = Choose(readings, normalized.Text[first..(last + 1)], context);
        return new TimeMention(normalized.Source[start..(end + 1)], start, best, others);
    }

    private static List<Dictionary<string, string>>? Values(ModelResult result) => result.Resolution?["values"] as List<Dictionary<string, string>>;

    private static string Type(ModelResult result) => result.TypeName.Replace("datetimeV2.", "", StringComparison.Ordinal);

    /// <summary>
    /// "move my 3pm to 5pm", "change it from Thursday to Friday": after a verb of moving, "X to Y"
    /// is two times (the old one and the new one), not one range.
    /// </summary>
    private List<TimeMention>? SplitMove(Normalized normalized, ModelResult result, DateTime now, TimeContext context)
    {
        if (!result.TypeName.EndsWith("range", StringComparison.Ordinal) || !MoveVerb().IsMatch(normalized.Text.AsSpan(0, result.Start)))
        {
            return null;
        }

        var said = normalized.Text.Substring(result.Start, result.End - result.Start + 1);
        var to = said.LastIndexOf(" to ", StringComparison.OrdinalIgnoreCase);
        if (to < 0)
        {
            return null;
        }

        var mentions = new List<TimeMention>();
        foreach (var (from, length) in new[] { (0, to), (to + 4, said.Length - to - 4) })
        {
            var offset = result.Start + from;
            foreach (var part in Model.Parse(normalized.Text.Substring(offset, length), now))
            {
                if (Resolve(normalized, part, offset, context) is { } mention)
                {
                    mentions.Add(mention);
                }
            }
        }

        return mentions.Count == 2 ? mentions : null;
    }

    private static (TimeReading Best, List<TimeReading> Others) Choose(List<TimeReading> readings, string said, TimeContext context)
    {
        var candidates = readings.Where(r => r.End > context.Reference || r.Start >= context.Reference).OrderBy(r => r.Start).ToList();
        if (candidates.Count == 0)
        {
            // Only past readings: the customer talks about the past ("yesterday at 4", "last Tuesday"), latest first.
            candidates = [.. readings.OrderByDescending(r => r.Start)];
        }

        // "at 4": the reading inside business hours; otherwise the soonest.
        var best = candidates.FirstOrDefault(r => !r.IsWindow && context.Hours.Contains(TimeOnly.FromDateTime(context.ToLocal(r.Start)))) ?? candidates[0];
        var others = new List<TimeReading>();

        var weekday = WeekdayWord().Match(said);
        if (weekday.Success && !NextWeek().IsMatch(said))
        {
            var today = DateOnly.FromDateTime(context.LocalNow);
            var day = DateOnly.FromDateTime(context.ToLocal(best.Start));
            if (weekday.Groups["next"].Success && day.AddDays(-7) > today)
            {
                // "next Wednesday" said early in the week: the one a week later, or this coming one.
                others.Add(Shift(best, -7, context));
            }
            else if (!weekday.Groups["fixed"].Success && !weekday.Groups["next"].Success && day == today)
            {
                // "Monday" said on a Monday: today, or a week from today.
                others.Add(Shift(best, 7, context));
            }
        }

        return (best, others);
    }

    private static TimeReading[] Read(string type, Dictionary<string, string> value, TimeContext context)
    {
        var timex = value.GetValueOrDefault("timex") ?? "";
        try
        {
            if (ReadOne(type, value, timex, context) is not { } reading)
            {
                return [];
            }

            // A weekday, a date without a year or a day of the month repeats: also offer the next one.
            var repeats = timex.TrimStart('(');
            var next = repeats.StartsWith("XXXX-WXX", StringComparison.Ordinal) ? Shift(reading, 7, context)
                : repeats.StartsWith("XXXX-XX", StringComparison.Ordinal) ? Recur(reading, d => d.AddMonths(1), context)
                : repeats.StartsWith("XXXX-", StringComparison.Ordinal) ? Recur(reading, d => d.AddYears(1), context)
                : null;
            return next is null ? [reading] : [reading, next];
        }
        catch (ArgumentOutOfRangeException)
        {
            // A date at the edge of the calendar ("in 9999 years").
            return [];
        }
    }

    /// <summary>The same reading a month or a year on, unless that calendar has no such day ("the 31st" in November).</summary>
    private static TimeReading? Recur(TimeReading reading, Func<DateTime, DateTime> move, TimeContext context)
    {
        var start = context.ToLocal(reading.Start);
        var moved = move(start);
        return moved.Day == start.Day ? Shift(reading, moved.Date - start.Date, context) : null;
    }

    private static TimeReading? ReadOne(string type, Dictionary<string, string> value, string timex, TimeContext context)
    {
        // The library's values come in many shapes (and "not resolved"); anything unexpected is no reading, never an exception.
        switch (type)
        {
            case "date" when Date(value, "value") is { } date:
                return DayWindow(date, context);
            case "datetime" when timex == "PRESENT_REF" || RelativeTimex().IsMatch(timex):
                // "in 2 hours", "now": elapsed time from the moment the customer wrote, whatever the wall clock does.
                var elapsed = Moment(value, "value") is { } then ? then - context.LocalNow : TimeSpan.Zero;
                var instant = context.Reference + elapsed;
                instant = instant.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerMinute));
                return TimeReading.Point(TimeZoneInfo.ConvertTime(instant, context.Zone));
            case "datetime" when Moment(value, "value") is { } at:
                return TimeReading.Point(context.At(at));
            case "time" when Clock(value, "value") is { } time:
                var today = DateOnly.FromDateTime(context.LocalNow);
                var next = context.At(today.ToDateTime(time));
                if (next < context.Reference)
                {
                    next = context.At(today.AddDays(1).ToDateTime(time));
                }

                return TimeReading.Point(next);
            case "daterange" when Date(value, "start") is { } from && Date(value, "end") is { } to:
                return DateRange(from, to, timex, value.GetValueOrDefault("Mod"), context);
            case "timerange" when PartOfDay(timex) is { } part:
                return Upcoming(day => PartsOfDay.Window(day, part, context), context);
            case "timerange" when Clock(value, "start") is { } opens && Clock(value, "end") is { } closes:
                // "between 11pm and 1am" ends the next day.
                var overnight = closes <= opens ? 1 : 0;
                return Upcoming(day => new TimeReading(context.At(day.ToDateTime(opens)), context.At(day.AddDays(overnight).ToDateTime(closes)), TimeGrain.Hour), context);
            case "datetimerange" when value.GetValueOrDefault("Mod") == "start" && Date(value, "timex") is { } early:
                // "early tomorrow": its morning.
                return PartsOfDay.Window(early, PartsOfDay.Morning, context);
            case "datetimerange" when Moment(value, "start") is { } start && Moment(value, "end") is { } end:
                return PartOfDay(timex) is { } dayPart
                    ? PartsOfDay.Window(DateOnly.FromDateTime(start), dayPart, context)
                    : new TimeReading(context.At(start), context.At(end > start ? end : end.AddDays(1)), TimeGrain.Hour);
            default:
                return null;
        }
    }

    private static TimeReading DateRange(DateOnly from, DateOnly to, string timex, string? mod, TimeContext context)
    {
        if (MonthTimex().IsMatch(timex))
        {
            // "end of the month" is its last week, "beginning of next month" its first.
            return mod switch
            {
                "end" or "approx-end" => Days(to.AddDays(-7), to, TimeGrain.Week, context),
                "start" or "approx-start" => Days(from, from.AddDays(7), TimeGrain.Week, context),
                _ => Days(from, to, TimeGrain.Month, context),
            };
        }

        if (timex.StartsWith('('))
        {
            // "from Thursday to Saturday": English ranges of days include their last day.
            return Days(from, to.AddDays(1), TimeGrain.Day, context);
        }

        var grain = timex.Contains("-W", StringComparison.Ordinal) ? TimeGrain.Week
            : YearTimex().IsMatch(timex) ? TimeGrain.Month
            : TimeGrain.Day;
        return Days(from, to, grain, context);
    }

    /// <summary>A window today, or tomorrow when today's has already ended.</summary>
    private static TimeReading Upcoming(Func<DateOnly, TimeReading> window, TimeContext context)
    {
        var today = DateOnly.FromDateTime(context.LocalNow);
        var reading = window(today);
        return reading.End <= context.Reference ? window(today.AddDays(1)) : reading;
    }

    /// <summary>"the 5th", "would the 7th work?": the next such day of the month that is not in the past.</summary>
    private static TimeMention DayOfMonth(Match ordinal, TimeContext context)
    {
        var number = int.Parse(ordinal.Groups["day"].Value, CultureInfo.InvariantCulture);
        var month = DateOnly.FromDateTime(context.LocalNow);
        month = month.AddDays(1 - month.Day);
        while (number > DateTime.DaysInMonth(month.Year, month.Month) || month.AddDays(number - 1) < DateOnly.FromDateTime(context.LocalNow))
        {
            month = month.AddMonths(1);
        }

        return new TimeMention(ordinal.Value, ordinal.Index, DayWindow(month.AddDays(number - 1), context), []);
    }

    /// <summary>"happy new year" is a wish, not a date; "now that I think of it" is not a time, "right now" is.</summary>
    private static bool IsNotATime(string text, ModelResult result) =>
        (!result.Text.Any(char.IsDigit) && Greeting().IsMatch(text.AsSpan(0, result.Start)))
        || (result.Text.Equals("now", StringComparison.OrdinalIgnoreCase) && !NowAsATime().IsMatch(text.AsSpan(0, result.Start)));

    private static (TimeOnly Start, TimeOnly End)? PartOfDay(string timex) => timex switch
    {
        _ when timex.EndsWith("TMO", StringComparison.Ordinal) => PartsOfDay.Morning,
        _ when timex.EndsWith("TMI", StringComparison.Ordinal) || timex.EndsWith("TMEL", StringComparison.Ordinal) => PartsOfDay.Midday,
        _ when timex.EndsWith("TAF", StringComparison.Ordinal) => PartsOfDay.EnglishAfternoon,
        _ when timex.EndsWith("TEV", StringComparison.Ordinal) || timex.EndsWith("TNI", StringComparison.Ordinal) => PartsOfDay.Evening,
        _ => null,
    };

    private static TimeReading Shift(TimeReading reading, int days, TimeContext context) => Shift(reading, TimeSpan.FromDays(days), context);

    /// <summary>The same wall-clock window some whole days earlier or later.</summary>
    private static TimeReading Shift(TimeReading reading, TimeSpan days, TimeContext context) =>
        new(context.At(context.ToLocal(reading.Start) + days), context.At(context.ToLocal(reading.End) + days), reading.Grain);

    private static TimeReading DayWindow(DateOnly day, TimeContext context) => Days(day, day.AddDays(1), TimeGrain.Day, context);

    private static TimeReading Days(DateOnly from, DateOnly to, TimeGrain grain, TimeContext context) =>
        new(context.At(from.ToDateTime(TimeOnly.MinValue)), context.At(to.ToDateTime(TimeOnly.MinValue)), grain);

    private static DateOnly? Date(Dictionary<string, string> value, string key) =>
        value.TryGetValue(key, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static DateTime? Moment(Dictionary<string, string> value, string key) =>
        value.TryGetValue(key, out var text) && DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;

    private static TimeOnly? Clock(Dictionary<string, string> value, string key) =>
        value.TryGetValue(key, out var text) && TimeOnly.TryParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock) ? clock : null;

    [GeneratedRegex(@"\b(?:(?<next>next)\s+|(?<fixed>this|last|coming|every)\s+)?(?:mon|tues?|wed(?:nes)?|weds|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayWord();

    [GeneratedRegex(@"\b(?:next|this|last)\s+week\b", RegexOptions.IgnoreCase)]
    private static partial Regex NextWeek();

    [GeneratedRegex(@"^(?:\d{4}|XXXX)-\d{2}$")]
    private static partial Regex MonthTimex();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearTimex();

    /// <summary>The library writes a time counted from now ("in 2 hours") with seconds.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")]
    private static partial Regex RelativeTimex();

    [GeneratedRegex(@"\b(?:move|moving|moved|change|changing|reschedule|rescheduling|shift|shifting|push|pushing|switch|switching|swap|swapping|postpone|bring)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoveVerb();

    [GeneratedRegex(@"\b(?:happy|merry|selamat)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\b(?:right|come|coming|go|going|visit|be|available|free|open|book|start|here|there|in)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex NowAsATime();

    /// <summary>A day of the month the library leaves alone: a whole answer ("the 5th"), or "the 7th" followed by what is said about a day.</summary>
    [GeneratedRegex(@"(?:(?<=^\s*(?:on\s+)?)(?:the\s+)?|\bthe\s+)(?<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?=\s*(?:[?!.,]|$|(?:works?|ok|okay|is|be|would|could|suits?|please|pls|or|and|at|instead|then|fine|good|possible|available)\b))", RegexOptions.IgnoreCase)]
    private static partial Regex DayOrdinal();

    /// <summary>What may stand between a day and a time of day that belong together.</summary>
    [GeneratedRegex(@"^\s*,?\s*(?:(?:at|around|about|on|for|in\s+the)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Adjacent();

    /// <summary>
    /// The text the library reads, and for each of its characters the first and last character of the
    /// original text it stands for, so that mentions are reported in the customer's own words.
    /// </summary>
    private sealed partial class Normalized
    {
        private readonly int[] _starts;
        private readonly int[] _ends;

        private Normalized(string source, string text, int[] starts, int[] ends)
        {
            (Source, Text, _starts, _ends) = (source, text, starts, ends);
        }

        public string Source { get; }

        public string Text { get; }

        public (int Start, int End) Original(int start, int end) => (_starts[start], _ends[end]);

        public static Normalized From(string source)
        {
            var matches = Rewrites().Matches(source);
            if (matches.Count == 0)
            {
                var identity = Enumerable.Range(0, source.Length).ToArray();
                return new Normalized(source, source, identity, identity);
            }

            var text = new StringBuilder(source.Length + 16);
            var starts = new List<int>(source.Length + 16);
            var ends = new List<int>(source.Length + 16);
            var copied = 0;
            foreach (Match match in matches)
            {
                if (Rewrite(match) is not { } replacement)
                {
                    continue;
                }

                for (; copied < match.Index; copied++)
                {
                    text.Append(source[copied]);
                    starts.Add(copied);
                    ends.Add(copied);
                }

                text.Append(replacement);
                for (var i = 0; i < replacement.Length; i++)
                {
                    starts.Add(match.Index);
                    ends.Add(match.Index + match.Length - 1);
                }

                copied = match.Index + match.Length;
            }

            for (; copied < source.Length; copied++)
            {
                text.Append(source[copied]);
                starts.Add(copied);
                ends.Add(copied);
            }

            return new Normalized(source, text.ToString(), [.. starts], [.. ends]);
        }

        private static string? Rewrite(Match match)
        {
            var groups = match.Groups;
            if (groups["tomorrow"].Success)
            {
                return "tomorrow";
            }

            if (groups["today"].Success)
            {
                return "today";
            }

            if (groups["tonight"].Success)
            {
                return "tonight";
            }

            if (groups["next"].Success)
            {
                return "next";
            }

            if (groups["weekend"].Success)
            {
                return "weekend";
            }

            if (groups["weekday"].Success)
            {
                return groups["weekday"].Value.Equals("sat", StringComparison.OrdinalIgnoreCase) ? "saturday" : "sunday";
            }

            if (groups["hour"].Success)
            {
                // "10.30" (as clocks are written in Indonesia) when it is said as a time, not as an amount.
                return groups["hour"].Value + ":" + groups["minutes"].Value;
            }

            if (groups["at"].Success)
            {
                return "at";
            }

            if (groups["ordinal"].Success)
            {
                // The library only reads "the 7th" as a day after "on".
                return "on " + groups["ordinal"].Value;
            }

            if (groups["always"].Success)
            {
                return "always";
            }

            if (groups["day"].Success)
            {
                // Day/month, as written in Indonesia; the library reads "5/12" and "5-12-2026" as month/day (but "5.12.2026" as day.month).
                var day = int.Parse(groups["day"].Value, CultureInfo.InvariantCulture);
                var month = int.Parse(groups["month"].Value, CultureInfo.InvariantCulture);
                return day is >= 1 and <= 31 && month is >= 1 and <= 12
                    ? groups["month"].Value + groups["separator"].Value + groups["day"].Value + groups["year"].Value
                    : null;
            }

            return null;
        }

        [GeneratedRegex("""
            \b(?<tomorrow>tmrw|tmr|tmrow|tmorrow|tomoro|tomorow|tommorow|tommorrow|tomorrw|2moro|2morrow|2morow|2mrw)\b
            | \b(?<today>tdy|2day)\b
            | \b(?<tonight>tonite|2nite|2night)\b
            | \b(?<next>nxt)\b
            | \b(?<weekend>wknd|wkend)\b
            | (?:(?<=\b(?:on|this|next|last|by|until|till|or|and)\s+)(?<weekday>sat|sun)\b
               | \b(?<weekday>sat|sun)\b(?=\s*(?:\d|morning|afternoon|evening|night)) | \b(?<weekday>sat)\b(?=\s*(?:[?!.,]|$)))
            | (?:(?<=(?:^|\b(?:at|@|around|about|by|from|until|till|to|or|jam|pukul|today|tonight|tomorrow|tmrw|tmr|morning|afternoon|evening|night|\w+day|mon|tues?|weds?|thu|thurs?|fri|sat|sun))\s*)
                 (?<hour>[01]?\d|2[0-3])\.(?<minutes>[0-5]\d)\b(?![.:/]?\d)
               | (?<![\d.:/]|\w\s?)\b(?<hour>[01]?\d|2[0-3])\.(?<minutes>[0-5]\d)(?=\s*(?:[ap]\.?m\b|-|today\b|tonight\b|tomorrow\b|on\b|this\b|next\b|[?!]?$))
               | (?<![\d.:/$])\b(?<hour>[01]?\d|2[0-3])\.(?<minutes>[0-5]\d)(?=\s*[ap]\.?m\b)
               | (?<![\d.:/$]|\b(?:rp|idr|usd|eur|sgd|costs?|price|pay|paid|for)\s?)\b(?<hour>0?[1-9]|1[0-2])\.(?<minutes>00|15|30|45)\b
                 (?![.:/]?\d|\s*(?:k\b|%|rb\b|ribu|jt\b|juta|dollars?|usd|idr|rp\b|euros?|each|per\b)))
            | (?<at>(?<=\s|^)@(?=\s*\d))
            | (?<always>(?<![\d/])\b24/7\b)
            | (?<ordinal>(?<!\b(?:on|mon|tues|wednes|thurs|fri|satur|sun)(?:day)?,?\s+)\bthe\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b
                (?=\s*(?:[?!.,@]|$|(?:works?|ok|okay|is|be|would|could|suits?|please|pls|or|and|at|instead|then|fine|good|possible|available|morning|afternoon|evening|night)\b)))
            | (?<![\d/.\-])\b(?<day>\d{1,2})(?<separator>/)(?<month>\d{1,2})(?<year>/\d{4}|/\d{2})?\b(?![/\d]|\s*(?:hours?|hrs?|days?|weeks?|months?|of\b))
            | (?<![\d/.\-])\b(?<day>\d{1,2})(?<separator>-)(?<month>\d{1,2})(?<year>-\d{4})\b(?![\d])
            """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
        private static partial Regex Rewrites();
    }
}
