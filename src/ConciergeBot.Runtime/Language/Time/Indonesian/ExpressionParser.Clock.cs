namespace ConciergeBot.Language.Time.Indonesian;

/// <summary>Clock times and parts of the day.</summary>
internal sealed partial class ExpressionParser
{
    /// <summary>
    /// "jam 3", "pukul 16.00", "jm 10.30", "setengah tiga", "jam 11 kurang seperempat", "jam 3 lewat 10",
    /// "10.30", "3 sore", "3pm", "jam 7 malam", "jam 10 WIB". A bare number is a time only with a clock
    /// shape ("10.30"), am/pm or a part of the day, so "saya 3 orang" and "nomor 5" stay numbers.
    /// </summary>
    private TimeExpression? ClockAt(int i)
    {
        if (i >= tokens.Count)
        {
            return null;
        }

        var prefixed = WordIn(i, IndonesianWords.ClockPrefixes);
        var at = prefixed ? SkipDot(i + 1) : i;
        if (at >= tokens.Count)
        {
            return null;
        }

        var token = tokens[at];
        int hour;
        var minute = 0;
        var shift = 0;
        var hasMinutes = false;
        var written24 = false;
        (int Hour, int Minute)? until = null;
        int last;
        if (WordIn(at, IndonesianWords.Half))
        {
            // "setengah tiga" is half an hour before three.
            if (!HourAt(at + 1, out hour, out last) || hour is < 1 or > 12)
            {
                return null;
            }

            (shift, hasMinutes) = (-30, true);
        }
        else if ((token.Is("tengah") && (WordIs(at + 1, "hari") || WordIs(at + 1, "malam"))) || token.Is("noon") || token.Is("midnight"))
        {
            hour = token.Is("noon") || WordIs(at + 1, "hari") ? 12 : 24;
            (written24, last) = (true, token.Is("tengah") ? at + 1 : at);
        }
        else if (prefixed)
        {
            last = at;
            if (NumberShapes.TryClock(token, out hour, out minute, out var leadingZero))
            {
                (hasMinutes, written24) = (true, leadingZero || hour == 0 || hour > 12);
            }
            else if (NumberShapes.TryInteger(token, out hour))
            {
                written24 = (token.Value.Length == 2 && token.Value[0] == '0') || hour == 0 || hour > 12;
            }
            else if (NumberShapes.TryHourRange(token, out hour, out var to))
            {
                written24 = hour == 0 || hour > 12;
                until = (to, 0);
            }
            else if (!WordNumberAt(at, out hour, out last))
            {
                return null;
            }

            if (hour > 24)
            {
                return null;
            }
        }
        else if (!BareClockAt(at, out hour, out minute, out hasMinutes, out written24))
        {
            return null;
        }
        else
        {
            last = at;
        }

        var hint = ClockHintOf(tokens[last].Suffix);
        var offset = ZoneOf(tokens[last].Suffix);
        var next = last + 1;
        if (MarkIs(next, '-') && WordIs(next + 1, "an"))
        {
            next += 2;
        }
        else if (WordIs(next, "an"))
        {
            next++;
        }

        // "jam 10 - 12", "10.00-12.00": a range, read as a window.
        if (until is null && MarkIs(next, '-') && next + 1 < tokens.Count)
        {
            if (NumberShapes.TryClock(tokens[next + 1], out var endHour, out var endMinute, out _))
            {
                (until, hasMinutes, next) = ((endHour, endMinute), hasMinutes || endMinute > 0, next + 2);
            }
            else if (NumberShapes.TryInteger(tokens[next + 1], out endHour) && endHour <= 24)
            {
                (until, next) = ((endHour, 0), next + 2);
            }
        }

        if ((WordIn(next, IndonesianWords.Past) || WordIn(next, IndonesianWords.To)) && MinutesAt(next + 1, out var minutes, out var minutesLast))
        {
            shift += WordIn(next, IndonesianWords.To) ? -minutes : minutes;
            hasMinutes = true;
            next = minutesLast + 1;
        }

        if (WordIn(next, IndonesianWords.Exactly))
        {
            next++;
        }

        if (ZoneAt(next) is { } zone)
        {
            (offset, next) = (zone, next + 1);
        }

        if (hint is null && HintAt(next, out var spoken, out var hintLast))
        {
            (hint, next) = (spoken, hintLast + 1);
        }

        if (ZoneAt(next) is { } laterZone)
        {
            (offset, next) = (laterZone, next + 1);
        }

        return new TimeExpression(i, next - 1)
        {
            Clock = new ClockSpec(hour, minute, shift, hasMinutes, written24, hint, offset) { Until = until },
        };
    }

    /// <summary>A number with no "jam" before it is a time only when it looks like one.</summary>
    private bool BareClockAt(int at, out int hour, out int minute, out bool hasMinutes, out bool written24)
    {
        hour = minute = 0;
        hasMinutes = written24 = false;
        var token = tokens[at];
        if (!token.IsNumber || WordIn(at - 1, IndonesianWords.NotTimeBefore) || MarkIs(at - 1, '#') || MarkIs(at - 1, '$') || MarkIs(at - 1, '+'))
        {
            return false;
        }

        if (NumberShapes.TryClock(token, out hour, out minute, out var leadingZero))
        {
            // "10.000" has three digits after the dot and never gets here; "12.50 rb" is a price.
            hasMinutes = true;
            written24 = leadingZero || hour == 0 || hour > 12;
            return hour < 24 && !WordIn(at + 1, IndonesianWords.Counted) && !WordIn(at + 1, IndonesianWords.TimeUnits);
        }

        if (!NumberShapes.TryInteger(token, out hour) || hour is < 1 or > 12)
        {
            return false;
        }

        if (token.Suffix is "am" or "pm" || WordIs(at + 1, "am") || WordIs(at + 1, "pm"))
        {
            return true;
        }

        // "3 sore", "10 pagi"; "3 malam" is more often three nights than 3 a.m., so malam needs an evening hour.
        if (at + 1 < tokens.Count && tokens[at + 1].IsWord && IndonesianWords.DayParts.TryGetValue(tokens[at + 1].Value, out var part))
        {
            return part != DayPart.Malam || hour >= 6;
        }

        return false;
    }

    /// <summary>A spoken hour: "3", "tiga", "dua belas".</summary>
    private bool HourAt(int i, out int hour, out int last)
    {
        last = i;
        if (i < tokens.Count && tokens[i].IsNumber)
        {
            return (NumberShapes.TryInteger(tokens[i], out hour) || NumberShapes.TryHourRange(tokens[i], out hour, out _)) && hour <= 24;
        }

        return WordNumberAt(i, out hour, out last) && hour <= 24;
    }

    /// <summary>After "lewat"/"kurang": "seperempat", "10", "10 menit", "sepuluh menit".</summary>
    private bool MinutesAt(int i, out int minutes, out int last)
    {
        last = i;
        if (WordIn(i, IndonesianWords.Quarter))
        {
            minutes = 15;
            return true;
        }

        if (WordIn(i, IndonesianWords.Half))
        {
            minutes = 30;
            return true;
        }

        if (!CountAt(i, out minutes, out last) || minutes is < 1 or > 59)
        {
            return false;
        }

        if (WordIn(last + 1, IndonesianWords.MinuteWords))
        {
            last++;
        }

        return true;
    }

    /// <summary>"sore", "pagi", "pm", "subuh", "dini hari", "malam" after a clock time.</summary>
    private bool HintAt(int i, out ClockHint hint, out int last)
    {
        hint = default;
        last = i;
        if (i >= tokens.Count || !tokens[i].IsWord)
        {
            return false;
        }

        var word = tokens[i].Value;
        if (IndonesianWords.ClockHints.TryGetValue(word, out hint))
        {
            return true;
        }

        if (word == "dini" && WordIs(i + 1, "hari"))
        {
            (hint, last) = (ClockHint.Morning, i + 1);
            return true;
        }

        if (IndonesianWords.DayParts.TryGetValue(word, out var part))
        {
            hint = ClockChoice.HintOf(part);
            return true;
        }

        return false;
    }

    private TimeSpan? ZoneAt(int i) =>
        i < tokens.Count && tokens[i].IsWord && IndonesianWords.ZoneAbbreviations.TryGetValue(tokens[i].Value, out var offset) ? offset : null;

    private static TimeSpan? ZoneOf(string suffix) => IndonesianWords.ZoneAbbreviations.TryGetValue(suffix, out var offset) ? offset : null;

    private static ClockHint? ClockHintOf(string suffix) => suffix switch
    {
        "am" => ClockHint.Morning,
        "pm" => ClockHint.AfterNoon,
        _ => null,
    };

    /// <summary>
    /// "pagi", "besok sore" (the day comes from another piece), "nanti malam", "sore ini", "tonight",
    /// "malam Minggu" (Saturday evening: the night before Sunday). Not "selamat pagi" or a greeting
    /// opening the message ("Pagi kak, ...").
    /// </summary>
    private TimeExpression? DayPartAt(int i)
    {
        if (i >= tokens.Count || !tokens[i].IsWord)
        {
            return null;
        }

        var word = tokens[i].Value;
        if (word is "tonight" or "tonite")
        {
            return new TimeExpression(i, i) { Part = new DayPartSpec(DayPart.Malam, Today: true) };
        }

        if (word == "this" && i + 1 < tokens.Count && tokens[i + 1].IsWord && IndonesianWords.DayParts.TryGetValue(tokens[i + 1].Value, out var thisPart))
        {
            return new TimeExpression(i, i + 1) { Part = new DayPartSpec(thisPart, Today: true) };
        }

        if (word == "malming")
        {
            return new TimeExpression(i, i)
            {
                Date = new WeekdayDate(DayOfWeek.Saturday, WeekdayMode.Bare, Weak: false),
                Part = new DayPartSpec(DayPart.Malam, Today: false),
            };
        }

        if (!IndonesianWords.DayParts.TryGetValue(word, out var part)
            || WordIn(i - 1, IndonesianWords.Greetings) || WordIs(i - 1, "makan") || WordIs(i - 1, "tengah") || WordIs(i - 1, "dini"))
        {
            return null;
        }

        if (i == 0 && i + 1 < tokens.Count && (WordIn(i + 1, IndonesianWords.Addressees) || MarkIs(i + 1, '!') || MarkIs(i + 1, ',')))
        {
            return null;
        }

        if (part == DayPart.Malam && i + 1 < tokens.Count && tokens[i + 1].IsWord
            && IndonesianWords.Weekdays.TryGetValue(tokens[i + 1].Value, out var named) && named.Strength == WeekdayWordStrength.Strong
            && WeekdayAt(i + 1, afterHari: true) is { Date: WeekdayDate weekday } eve)
        {
            var dayBefore = (DayOfWeek)(((int)weekday.Day + 6) % 7);
            return new TimeExpression(i, eve.Last)
            {
                Date = weekday with { Day = dayBefore },
                Part = new DayPartSpec(DayPart.Malam, Today: false),
                Ignored = eve.Ignored,
            };
        }

        if (WordIn(i + 1, IndonesianWords.This) || WordIn(i + 1, IndonesianWords.Soon))
        {
            return new TimeExpression(i, i + 1) { Part = new DayPartSpec(part, Today: true) };
        }

        return new TimeExpression(i, i) { Part = new DayPartSpec(part, Today: false) };
    }

    private bool DayPartWordAt(int i) => i < tokens.Count && tokens[i].IsWord && IndonesianWords.DayParts.ContainsKey(tokens[i].Value);
}
