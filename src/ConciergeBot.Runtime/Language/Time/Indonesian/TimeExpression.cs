namespace ConciergeBot.Language.Time.Indonesian;

/// <summary>The parts of the day a customer names; each is a window of <see cref="PartsOfDay"/> and a hint for a clock time.</summary>
internal enum DayPart
{
    Pagi,
    Siang,
    Sore,
    Malam,
    EnglishAfternoon,
}

/// <summary>What a word after "jam 3" says about which half of the day it is.</summary>
internal enum ClockHint
{
    Morning,
    Midday,
    LateAfternoon,
    Night,
    AfterNoon,
}

/// <summary>How a weekday was qualified: "Rabu", "Rabu ini", "Rabu depan", "Rabu minggu depan", "Rabu minggu ini".</summary>
internal enum WeekdayMode
{
    Bare,
    ThisComing,
    Next,
    InNextWeek,
    InThisWeek,
}

/// <summary>What a customer said about the day, before it is resolved against the reference.</summary>
internal abstract record DateSpec
{
    /// <summary>A week, a month or "in two hours" stands alone: it does not take a clock time or a part of the day.</summary>
    public virtual bool StandsAlone => false;
}

/// <summary>"hari ini", "besok", "lusa", "3 hari lagi".</summary>
internal sealed record RelativeDays(int Days) : DateSpec;

/// <summary>"sebulan lagi": the same day of the month, months ahead.</summary>
internal sealed record RelativeMonths(int Months) : DateSpec;

/// <summary>"Senin", "Rabu depan"; <see cref="Weak"/> for abbreviations ("sab") that are only a day next to a time.</summary>
internal sealed record WeekdayDate(DayOfWeek Day, WeekdayMode Mode, bool Weak) : DateSpec;

/// <summary>
/// "tgl 3", "3 Des", "5/12/2026", "tanggal 3 bulan depan" (<see cref="MonthsAhead"/> = 1);
/// "tgl 5-7 Desember" runs <see cref="Day"/> through <see cref="ThroughDay"/>.
/// </summary>
internal sealed record CalendarDate(int Day, int? Month, int? Year, int? MonthsAhead) : DateSpec
{
    public int? ThroughDay { get; init; }
}

/// <summary>"akhir pekan (ini)", "weekend" (0), "akhir pekan depan", "next weekend" (1): Saturday and Sunday.</summary>
internal sealed record Weekend(int WeeksAhead) : DateSpec;

/// <summary>"minggu ini" (0), "minggu depan" (1): Monday to Monday.</summary>
internal sealed record WeekWindow(int WeeksAhead) : DateSpec
{
    public override bool StandsAlone => true;
}

/// <summary>"bulan ini" (0), "bulan depan" (1).</summary>
internal sealed record MonthWindow(int MonthsAhead) : DateSpec
{
    public override bool StandsAlone => true;
}

/// <summary>"bulan Desember", "Maret 2027".</summary>
internal sealed record NamedMonth(int Month, int? Year) : DateSpec
{
    public override bool StandsAlone => true;
}

/// <summary>"2 jam lagi", "setengah jam lagi": a point that far from the reference.</summary>
internal sealed record FromNow(TimeSpan After) : DateSpec
{
    public override bool StandsAlone => true;
}

/// <summary>
/// A clock time as said: <see cref="Hour"/> as spoken ("setengah tiga" is hour 3 with a shift of -30),
/// minutes written after it, and what says which half of the day it is.
/// </summary>
internal sealed record ClockSpec(int Hour, int Minute, int ShiftMinutes, bool HasMinutes, bool Written24, ClockHint? Hint, TimeSpan? StatedOffset)
{
    /// <summary>"jam 1-3 siang", "10.00-12.00": the end of a range, as written.</summary>
    public (int Hour, int Minute)? Until { get; init; }
}

/// <summary>A part of the day; <see cref="Today"/> when it was "nanti sore", "malam ini", "tonight".</summary>
internal sealed record DayPartSpec(DayPart Part, bool Today);

/// <summary>
/// One time expression found in the tokens <see cref="First"/>..<see cref="Last"/>: the day, the part of
/// the day and the clock time it names, each optional. <see cref="Ignored"/> expressions were read only so
/// that their words are not misread ("2 minggu lalu" is not a Sunday) and are never reported.
/// </summary>
internal sealed record TimeExpression(int First, int Last)
{
    public DateSpec? Date { get; init; }

    public DayPartSpec? Part { get; init; }

    public ClockSpec? Clock { get; init; }

    /// <summary>
    /// Past ("kemarin", "tadi pagi", "2 minggu lalu"), vague ("besok-besok"), recurring ("tiap Senin")
    /// or a duration ("2 jam"). The recognizer serves booking, where none of these is a time to book,
    /// so they are recognised and then dropped rather than resolved.
    /// </summary>
    public bool Ignored { get; init; }

    public bool StandsAlone => Date?.StandsAlone == true || (Ignored && Date is null && Part is null && Clock is null);

    public bool CanJoin(TimeExpression other) =>
        !StandsAlone && !other.StandsAlone
        && (Date is null || other.Date is null)
        && (Part is null || other.Part is null)
        && (Clock is null || other.Clock is null);

    public TimeExpression Join(TimeExpression other) => new(Math.Min(First, other.First), Math.Max(Last, other.Last))
    {
        Date = Date ?? other.Date,
        Part = Part ?? other.Part,
        Clock = Clock ?? other.Clock,
        Ignored = Ignored || other.Ignored,
    };
}
