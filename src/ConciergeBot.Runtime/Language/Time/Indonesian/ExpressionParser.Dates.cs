namespace ConciergeBot.Language.Time.Indonesian;

/// <summary>Days, weeks, months and "N hari lagi".</summary>
internal sealed partial class ExpressionParser
{
    /// <summary>"3 hari lagi", "seminggu lagi", "2 jam lagi", "setengah jam lagi"; "2 minggu lalu" and a bare "2 jam" are read and ignored.</summary>
    private TimeExpression? DurationAt(int i)
    {
        int count;
        DurationUnit unit;
        int unitAt;
        if (WordIn(i, IndonesianWords.Half) && (WordIs(i + 1, "jam") || WordIs(i + 1, "jm")))
        {
            (count, unit, unitAt) = (30, DurationUnit.Minute, i + 1);
        }
        else if (i < tokens.Count && tokens[i].IsWord && IndonesianWords.OneUnit.TryGetValue(tokens[i].Value, out unit))
        {
            (count, unitAt) = (1, i);
        }
        else if (CountAt(i, out count, out var countLast) && countLast + 1 < tokens.Count && tokens[countLast + 1].IsWord
            && IndonesianWords.Units.TryGetValue(tokens[countLast + 1].Value, out unit))
        {
            unitAt = countLast + 1;
        }
        else if (CountAt(i, out count, out countLast) && (WordIs(countLast + 1, "malam") || WordIs(countLast + 1, "malem") || WordIs(countLast + 1, "mlm"))
            && count is < 6 or > 12)
        {
            // "menginap 3 malam" is three nights; "7 malam" (7 p.m.) is left to the clock.
            (unit, unitAt) = (DurationUnit.Day, countLast + 1);
        }
        else
        {
            return null;
        }

        var next = unitAt + 1;
        if (WordIn(next, IndonesianWords.Later))
        {
            return new TimeExpression(i, next) { Date = Ahead(count, unit) };
        }

        if ((WordIs(next, "dari") && WordIs(next + 1, "sekarang")) || (WordIs(next, "from") && WordIs(next + 1, "now")))
        {
            return new TimeExpression(i, next + 1) { Date = Ahead(count, unit) };
        }

        if (WordIs(i - 1, "in"))
        {
            // English "in 2 days" inside Indonesian chat.
            return new TimeExpression(i - 1, unitAt) { Date = Ahead(count, unit) };
        }

        var ago = WordIn(next, IndonesianWords.Ago) ? next : (WordIs(next, "yang") || WordIs(next, "yg")) && WordIs(next + 1, "lalu") ? next + 1 : -1;
        if (ago > 0)
        {
            // Kept as a day so that "2 hari lalu jam 3" is read (and dropped) as one expression.
            return new TimeExpression(i, ago) { Date = unit >= DurationUnit.Day ? new RelativeDays(-count) : null, Ignored = true };
        }

        // A length of time, not a moment: "servisnya 2 jam", "saya pesan untuk 3 hari".
        return new TimeExpression(i, unitAt) { Ignored = true };
    }

    private static DateSpec Ahead(int count, DurationUnit unit) => unit switch
    {
        DurationUnit.Minute => new FromNow(TimeSpan.FromMinutes(count)),
        DurationUnit.Hour => new FromNow(TimeSpan.FromHours(count)),
        DurationUnit.Day => new RelativeDays(count),
        DurationUnit.Week => new RelativeDays(7 * count),
        _ => new RelativeMonths(count),
    };

    private TimeExpression? DateAt(int i)
    {
        if (i >= tokens.Count)
        {
            return null;
        }

        var token = tokens[i];
        if (!token.IsWord)
        {
            return ExplicitDateAt(i);
        }

        if (IndonesianWords.DayWord.Contains(token.Value))
        {
            return DayNamedAfterHari(i);
        }

        if (IndonesianWords.RelativeDays.TryGetValue(token.Value, out var days))
        {
            return RelativeDayAt(i, days);
        }

        if (token.Value == "day" && WordIs(i + 1, "after") && WordIs(i + 2, "tomorrow"))
        {
            return new TimeExpression(i, i + 2) { Date = new RelativeDays(2) };
        }

        if (token.Value is "next" or "this" or "coming" or "last")
        {
            return EnglishQualifiedAt(i);
        }

        if (IndonesianWords.Weekdays.ContainsKey(token.Value))
        {
            return WeekdayAt(i, afterHari: false);
        }

        if ((token.Value == "akhir" && WordIn(i + 1, IndonesianWords.WeekWords)) || token.Value == "weekend")
        {
            return WeekendAt(i);
        }

        if (token.Value == "pekan")
        {
            return WeekAt(i);
        }

        if (IndonesianWords.MonthWords.Contains(token.Value))
        {
            return MonthAt(i);
        }

        return ExplicitDateAt(i);
    }

    /// <summary>"hari ini", "hari Senin", "hari Minggu depan" (with "hari", Minggu is Sunday, never the week).</summary>
    private TimeExpression? DayNamedAfterHari(int i)
    {
        if (WordIn(i + 1, IndonesianWords.This))
        {
            return new TimeExpression(i, i + 1) { Date = new RelativeDays(0) };
        }

        if (i + 1 < tokens.Count && tokens[i + 1].IsWord && IndonesianWords.Weekdays.ContainsKey(tokens[i + 1].Value))
        {
            return WeekdayAt(i + 1, afterHari: true) is { } weekday ? weekday with { First = i } : null;
        }

        if (i + 1 < tokens.Count && tokens[i + 1].IsWord && IndonesianWords.RelativeDays.TryGetValue(tokens[i + 1].Value, out var days))
        {
            return RelativeDayAt(i + 1, days) is { } relative ? relative with { First = i } : null;
        }

        return null;
    }

    private TimeExpression RelativeDayAt(int i, int days)
    {
        if (tokens[i].Doubled)
        {
            // "besok-besok", "besok2 aja": some other day, not tomorrow.
            return new TimeExpression(i, i) { Date = new RelativeDays(days), Ignored = true };
        }

        var last = i;
        if (days == 1 && WordIs(i + 1, "lusa"))
        {
            (days, last) = (2, i + 1);
        }
        else if (days < 0 && WordIs(i + 1, "lusa"))
        {
            last = i + 1;
        }

        if (days < 0)
        {
            return new TimeExpression(i, last) { Date = new RelativeDays(days), Ignored = true };
        }

        // "besok, tgl 24": the date written out is the precise one.
        var after = MarkIs(last + 1, ',') ? last + 2 : last + 1;
        if (ExplicitDateAt(after) is { } written)
        {
            return written with { First = i };
        }

        return new TimeExpression(i, last) { Date = new RelativeDays(days) };
    }

    /// <summary>"next Monday", "this Friday", "next week", "next month"; "last ..." is past.</summary>
    private TimeExpression? EnglishQualifiedAt(int i)
    {
        var qualifier = tokens[i].Value;
        if (i + 1 >= tokens.Count || !tokens[i + 1].IsWord)
        {
            return null;
        }

        var word = tokens[i + 1].Value;
        var ignored = qualifier == "last";
        var ahead = qualifier == "this" ? 0 : 1;
        if (IndonesianWords.Weekdays.TryGetValue(word, out var weekday) && weekday.Strength != WeekdayWordStrength.UsuallyAnAddress)
        {
            var mode = qualifier == "this" ? WeekdayMode.ThisComing : WeekdayMode.Next;
            return new TimeExpression(i, i + 1) { Date = new WeekdayDate(weekday.Day, mode, Weak: false), Ignored = ignored };
        }

        if (word == "weekend")
        {
            return new TimeExpression(i, i + 1) { Date = new Weekend(ahead), Ignored = ignored };
        }

        return word switch
        {
            "week" when ignored => new TimeExpression(i, i + 1) { Ignored = true },
            "week" => new TimeExpression(i, i + 1) { Date = new WeekWindow(ahead) },
            "month" when ignored => new TimeExpression(i, i + 1) { Ignored = true },
            "month" => new TimeExpression(i, i + 1) { Date = new MonthWindow(ahead) },
            _ => null,
        };
    }

    private TimeExpression? WeekdayAt(int i, bool afterHari)
    {
        var token = tokens[i];
        var (day, strength) = IndonesianWords.Weekdays[token.Value];
        if (token.Value is "minggu" or "mgg" && !afterHari)
        {
            if (token.Doubled)
            {
                // "minggu-minggu ini": these weeks, no time in particular.
                return new TimeExpression(i, WordIn(i + 1, IndonesianWords.This) ? i + 1 : i) { Ignored = true };
            }

            // Without "hari", "minggu" next to depan/ini/lalu is the week.
            if (WordIn(i + 1, IndonesianWords.Next) || WordIn(i + 1, IndonesianWords.This) || WordIn(i + 1, IndonesianWords.Last))
            {
                return WeekAt(i);
            }

            if (i > 0 && (tokens[i - 1].IsNumber || WordIn(i - 1, IndonesianWords.WeekQuantifiers)))
            {
                return null;
            }
        }

        if (strength == WeekdayWordStrength.UsuallyAnAddress && !afterHari && !WordIn(i + 1, IndonesianWords.Next) && !WordIn(i + 1, IndonesianWords.This))
        {
            return null;
        }

        var mode = WeekdayMode.Bare;
        var last = i;
        var ignored = false;
        if (WordIn(i + 1, IndonesianWords.Next))
        {
            (mode, last) = (WeekdayMode.Next, i + 1);
        }
        else if ((WordIn(i + 1, IndonesianWords.WeekWords) || WordIs(i + 1, "next") || WordIs(i + 1, "this")) && WeekQualifierAt(i + 1, out var weeksAhead, out var qualifierLast))
        {
            last = qualifierLast;
            if (weeksAhead < 0)
            {
                ignored = true;
            }
            else
            {
                mode = weeksAhead == 0 ? WeekdayMode.InThisWeek : WeekdayMode.InNextWeek;
            }
        }
        else if (WordIn(i + 1, IndonesianWords.This))
        {
            (mode, last) = (WeekdayMode.ThisComing, i + 1);
        }
        else if (WordIn(i + 1, IndonesianWords.Last))
        {
            (ignored, last) = (true, i + 1);
        }

        var weak = strength != WeekdayWordStrength.Strong && mode == WeekdayMode.Bare && !afterHari;
        if (!ignored)
        {
            // "Senin, 7 Desember", "Senin tgl 7": the date written out is the precise one.
            var after = MarkIs(last + 1, ',') ? last + 2 : last + 1;
            if (ExplicitDateAt(after) is { } written)
            {
                return written with { First = i };
            }
        }

        return new TimeExpression(i, last) { Date = new WeekdayDate(day, mode, weak), Ignored = ignored };
    }

    /// <summary>"akhir pekan", "akhir minggu ini", "weekend depan"; "akhir pekan lalu" is past.</summary>
    private TimeExpression WeekendAt(int i)
    {
        var qualifierAt = tokens[i].Value == "weekend" ? i + 1 : i + 2;
        if (WordIn(qualifierAt, IndonesianWords.Next))
        {
            return new TimeExpression(i, qualifierAt) { Date = new Weekend(1) };
        }

        if (WordIn(qualifierAt, IndonesianWords.Last))
        {
            return new TimeExpression(i, qualifierAt) { Ignored = true };
        }

        return new TimeExpression(i, WordIn(qualifierAt, IndonesianWords.This) ? qualifierAt : qualifierAt - 1) { Date = new Weekend(0) };
    }

    /// <summary>"minggu depan" (1), "minggu ini" (0), "minggu lalu" (-1), "next week", "this week".</summary>
    private bool WeekQualifierAt(int i, out int weeksAhead, out int last)
    {
        weeksAhead = 0;
        last = i + 1;
        if (WordIn(i, IndonesianWords.WeekWords))
        {
            if (WordIn(i + 1, IndonesianWords.Next))
            {
                weeksAhead = 1;
                return true;
            }

            if (WordIn(i + 1, IndonesianWords.This))
            {
                return true;
            }

            if (WordIn(i + 1, IndonesianWords.Last))
            {
                weeksAhead = -1;
                return true;
            }

            return false;
        }

        if ((WordIs(i, "next") || WordIs(i, "this") || WordIs(i, "last")) && WordIs(i + 1, "week"))
        {
            weeksAhead = tokens[i].Value switch { "next" => 1, "this" => 0, _ => -1 };
            return true;
        }

        return false;
    }

    /// <summary>"minggu depan", "pekan ini", and "minggu depan hari Rabu" (a day of that week).</summary>
    private TimeExpression? WeekAt(int i)
    {
        if (!WeekQualifierAt(i, out var weeksAhead, out var last))
        {
            return null;
        }

        if (weeksAhead < 0)
        {
            return new TimeExpression(i, last) { Ignored = true };
        }

        var dayAt = WordIn(last + 1, IndonesianWords.DayWord) ? last + 2 : last + 1;
        if (dayAt < tokens.Count && tokens[dayAt].IsWord && IndonesianWords.Weekdays.TryGetValue(tokens[dayAt].Value, out var weekday)
            && (dayAt > last + 1 || weekday.Strength == WeekdayWordStrength.Strong))
        {
            var mode = weeksAhead == 0 ? WeekdayMode.InThisWeek : WeekdayMode.InNextWeek;
            return new TimeExpression(i, dayAt) { Date = new WeekdayDate(weekday.Day, mode, Weak: false) };
        }

        return new TimeExpression(i, last) { Date = new WeekWindow(weeksAhead) };
    }

    /// <summary>"bulan depan", "bulan ini", "bulan depan tgl 3", "bulan Desember (tanggal 2)".</summary>
    private TimeExpression? MonthAt(int i)
    {
        if (WordIn(i + 1, IndonesianWords.Next) || WordIn(i + 1, IndonesianWords.This))
        {
            var ahead = WordIn(i + 1, IndonesianWords.Next) ? 1 : 0;
            if (WordIn(i + 2, IndonesianWords.DatePrefixes) && DayNumberAt(SkipDot(i + 3), out var day, out var dayLast))
            {
                return new TimeExpression(i, dayLast) { Date = new CalendarDate(day, null, null, ahead) };
            }

            return new TimeExpression(i, i + 1) { Date = new MonthWindow(ahead) };
        }

        if (WordIn(i + 1, IndonesianWords.Last))
        {
            return new TimeExpression(i, i + 1) { Ignored = true };
        }

        if (i + 1 < tokens.Count && tokens[i + 1].IsWord && IndonesianWords.Months.TryGetValue(tokens[i + 1].Value, out var month))
        {
            return MonthNameTail(i, month, i + 2) ?? new TimeExpression(i, i + 1) { Date = new NamedMonth(month, null) };
        }

        return null;
    }

    /// <summary>"tanggal 3", "tgl 3 Des 2026", "3 Desember", "5/12", "Desember tanggal 2", "Maret 2027".</summary>
    private TimeExpression? ExplicitDateAt(int i)
    {
        var at = i;
        var prefixed = WordIn(i, IndonesianWords.DatePrefixes);
        if (prefixed)
        {
            at = SkipDot(i + 1);
        }

        if (at >= tokens.Count)
        {
            return null;
        }

        var token = tokens[at];
        if (NumberShapes.TryDayRange(token, out var from, out var through) && DayTail(i, from, at + 1, prefixed: false) is { Date: CalendarDate range } days)
        {
            return days with { Date = range with { ThroughDay = through } };
        }

        if (token.IsNumber && NumberShapes.TryDate(token, out var d, out var m, out var y, out var separator))
        {
            // "1/2 pk" is a size; "jam 3-5" a range of hours and "5-12 orang" or "3-4 jam" a count.
            var clockFollows = WordIn(at + 1, IndonesianWords.ClockPrefixes) && at + 2 < tokens.Count && tokens[at + 2].IsNumber;
            var counted = !prefixed && WordIn(at + 1, IndonesianWords.Counted);
            var looksLikeRange = separator == '-' && y is null && !prefixed
                && (WordIn(i - 1, IndonesianWords.ClockPrefixes) || (WordIn(at + 1, IndonesianWords.TimeUnits) && !clockFollows) || DayPartWordAt(at + 1));
            return counted || looksLikeRange ? null : new TimeExpression(i, at) { Date = new CalendarDate(d, m, y, null) };
        }

        if (DayNumberAt(at, out var day, out var dayLast) && (prefixed || token.IsNumber))
        {
            return DayTail(i, day, dayLast + 1, prefixed);
        }

        if (!prefixed && token.IsWord && IndonesianWords.Months.TryGetValue(token.Value, out var month))
        {
            return MonthNameTail(i, month, at + 1);
        }

        return null;
    }

    /// <summary>After a day number: "Desember", "bulan Desember 2026", "bulan depan", or nothing when it followed "tanggal".</summary>
    private TimeExpression? DayTail(int first, int day, int at, bool prefixed)
    {
        var monthAt = WordIn(at, IndonesianWords.MonthWords) && at + 1 < tokens.Count && IndonesianWords.Months.ContainsKey(tokens[at + 1].Value) ? at + 1 : at;
        if (monthAt < tokens.Count && tokens[monthAt].IsWord && IndonesianWords.Months.TryGetValue(tokens[monthAt].Value, out var month))
        {
            if (monthAt + 1 < tokens.Count && NumberShapes.TryYear(tokens[monthAt + 1], out var year))
            {
                return new TimeExpression(first, monthAt + 1) { Date = new CalendarDate(day, month, year, null) };
            }

            return new TimeExpression(first, monthAt) { Date = new CalendarDate(day, month, null, null) };
        }

        if (!prefixed)
        {
            return null;
        }

        if (WordIn(at, IndonesianWords.MonthWords) && (WordIn(at + 1, IndonesianWords.Next) || WordIn(at + 1, IndonesianWords.This)))
        {
            var ahead = WordIn(at + 1, IndonesianWords.Next) ? 1 : 0;
            return new TimeExpression(first, at + 1) { Date = new CalendarDate(day, null, null, ahead) };
        }

        return new TimeExpression(first, at - 1) { Date = new CalendarDate(day, null, null, null) };
    }

    /// <summary>After a month name: "tanggal 2", "2", "2 2027", "2027".</summary>
    private TimeExpression? MonthNameTail(int first, int month, int at)
    {
        var dayAt = WordIn(at, IndonesianWords.DatePrefixes) ? SkipDot(at + 1) : at;
        if (dayAt < tokens.Count && NumberShapes.TryDayOfMonth(tokens[dayAt], out var day) && !NumberShapes.TryYear(tokens[dayAt], out _))
        {
            if (dayAt + 1 < tokens.Count && NumberShapes.TryYear(tokens[dayAt + 1], out var year))
            {
                return new TimeExpression(first, dayAt + 1) { Date = new CalendarDate(day, month, year, null) };
            }

            return new TimeExpression(first, dayAt) { Date = new CalendarDate(day, month, null, null) };
        }

        if (at < tokens.Count && NumberShapes.TryYear(tokens[at], out var alone))
        {
            return new TimeExpression(first, at) { Date = new NamedMonth(month, alone) };
        }

        return null;
    }

    private bool DayNumberAt(int i, out int day, out int last)
    {
        last = i;
        day = 0;
        if (i >= tokens.Count)
        {
            return false;
        }

        if (tokens[i].IsNumber)
        {
            return NumberShapes.TryDayOfMonth(tokens[i], out day);
        }

        return WordNumberAt(i, out day, out last) && day is >= 1 and <= 31;
    }
}
