using System.Collections.Frozen;

namespace ConciergeBot.Language.Time.Indonesian;

/// <summary>How sure a weekday word is to mean a day: "Senin" always is, "sab" usually, "min" is mostly "admin".</summary>
internal enum WeekdayWordStrength
{
    Strong,
    Weak,
    UsuallyAnAddress,
}

internal enum DurationUnit
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
}

/// <summary>
/// The words the recognizer knows, with the spellings customers really type (bsk, tgl, jm, mlm, dpn)
/// and the English that Jakarta chat mixes in. Everything is lower case without apostrophes.
/// </summary>
internal static class IndonesianWords
{
    public static FrozenDictionary<string, int> RelativeDays { get; } = new Dictionary<string, int>
    {
        ["today"] = 0,
        ["besok"] = 1,
        ["bsk"] = 1,
        ["bsok"] = 1,
        ["besuk"] = 1,
        ["esok"] = 1,
        ["besoq"] = 1,
        ["bzk"] = 1,
        ["tomorrow"] = 1,
        ["tmr"] = 1,
        ["tmrw"] = 1,
        ["tmrow"] = 1,
        ["tommorow"] = 1,
        ["tomorow"] = 1,
        ["tommorrow"] = 1,
        ["tomorrw"] = 1,
        ["tmw"] = 1,
        ["lusa"] = 2,
        ["kemarin"] = -1,
        ["kmrn"] = -1,
        ["kemaren"] = -1,
        ["kmaren"] = -1,
        ["kmarin"] = -1,
        ["kmren"] = -1,
        ["yesterday"] = -1,
    }.ToFrozenDictionary();

    public static FrozenDictionary<string, (DayOfWeek Day, WeekdayWordStrength Strength)> Weekdays { get; } = new Dictionary<string, (DayOfWeek, WeekdayWordStrength)>
    {
        ["senin"] = (DayOfWeek.Monday, WeekdayWordStrength.Strong),
        ["senen"] = (DayOfWeek.Monday, WeekdayWordStrength.Strong),
        ["selasa"] = (DayOfWeek.Tuesday, WeekdayWordStrength.Strong),
        ["slasa"] = (DayOfWeek.Tuesday, WeekdayWordStrength.Strong),
        ["rabu"] = (DayOfWeek.Wednesday, WeekdayWordStrength.Strong),
        ["rebo"] = (DayOfWeek.Wednesday, WeekdayWordStrength.Strong),
        ["kamis"] = (DayOfWeek.Thursday, WeekdayWordStrength.Strong),
        ["kemis"] = (DayOfWeek.Thursday, WeekdayWordStrength.Strong),
        ["jumat"] = (DayOfWeek.Friday, WeekdayWordStrength.Strong),
        ["jumaat"] = (DayOfWeek.Friday, WeekdayWordStrength.Strong),
        ["jmt"] = (DayOfWeek.Friday, WeekdayWordStrength.Strong),
        ["sabtu"] = (DayOfWeek.Saturday, WeekdayWordStrength.Strong),
        ["saptu"] = (DayOfWeek.Saturday, WeekdayWordStrength.Strong),
        ["minggu"] = (DayOfWeek.Sunday, WeekdayWordStrength.Strong),
        ["mgg"] = (DayOfWeek.Sunday, WeekdayWordStrength.Strong),
        ["ahad"] = (DayOfWeek.Sunday, WeekdayWordStrength.Strong),
        ["monday"] = (DayOfWeek.Monday, WeekdayWordStrength.Strong),
        ["tuesday"] = (DayOfWeek.Tuesday, WeekdayWordStrength.Strong),
        ["wednesday"] = (DayOfWeek.Wednesday, WeekdayWordStrength.Strong),
        ["thursday"] = (DayOfWeek.Thursday, WeekdayWordStrength.Strong),
        ["friday"] = (DayOfWeek.Friday, WeekdayWordStrength.Strong),
        ["saturday"] = (DayOfWeek.Saturday, WeekdayWordStrength.Strong),
        ["sunday"] = (DayOfWeek.Sunday, WeekdayWordStrength.Strong),
        ["sen"] = (DayOfWeek.Monday, WeekdayWordStrength.Weak),
        ["sel"] = (DayOfWeek.Tuesday, WeekdayWordStrength.Weak),
        ["rab"] = (DayOfWeek.Wednesday, WeekdayWordStrength.Weak),
        ["kam"] = (DayOfWeek.Thursday, WeekdayWordStrength.Weak),
        ["jum"] = (DayOfWeek.Friday, WeekdayWordStrength.Weak),
        ["sab"] = (DayOfWeek.Saturday, WeekdayWordStrength.Weak),
        ["mon"] = (DayOfWeek.Monday, WeekdayWordStrength.Weak),
        ["tue"] = (DayOfWeek.Tuesday, WeekdayWordStrength.Weak),
        ["tues"] = (DayOfWeek.Tuesday, WeekdayWordStrength.Weak),
        ["wed"] = (DayOfWeek.Wednesday, WeekdayWordStrength.Weak),
        ["thu"] = (DayOfWeek.Thursday, WeekdayWordStrength.Weak),
        ["thur"] = (DayOfWeek.Thursday, WeekdayWordStrength.Weak),
        ["thurs"] = (DayOfWeek.Thursday, WeekdayWordStrength.Weak),
        ["fri"] = (DayOfWeek.Friday, WeekdayWordStrength.Weak),
        ["sat"] = (DayOfWeek.Saturday, WeekdayWordStrength.Weak),
        ["sun"] = (DayOfWeek.Sunday, WeekdayWordStrength.Weak),
        ["min"] = (DayOfWeek.Sunday, WeekdayWordStrength.UsuallyAnAddress),
    }.ToFrozenDictionary();

    public static FrozenDictionary<string, int> Months { get; } = new Dictionary<string, int>
    {
        ["januari"] = 1,
        ["jan"] = 1,
        ["january"] = 1,
        ["februari"] = 2,
        ["pebruari"] = 2,
        ["feb"] = 2,
        ["peb"] = 2,
        ["february"] = 2,
        ["maret"] = 3,
        ["mar"] = 3,
        ["march"] = 3,
        ["april"] = 4,
        ["apr"] = 4,
        ["mei"] = 5,
        ["may"] = 5,
        ["juni"] = 6,
        ["jun"] = 6,
        ["june"] = 6,
        ["juli"] = 7,
        ["jul"] = 7,
        ["july"] = 7,
        ["agustus"] = 8,
        ["agu"] = 8,
        ["agt"] = 8,
        ["ags"] = 8,
        ["agus"] = 8,
        ["aug"] = 8,
        ["august"] = 8,
        ["september"] = 9,
        ["sep"] = 9,
        ["sept"] = 9,
        ["spt"] = 9,
        ["oktober"] = 10,
        ["okt"] = 10,
        ["oct"] = 10,
        ["october"] = 10,
        ["november"] = 11,
        ["nopember"] = 11,
        ["nov"] = 11,
        ["nop"] = 11,
        ["desember"] = 12,
        ["des"] = 12,
        ["dec"] = 12,
        ["december"] = 12,
    }.ToFrozenDictionary();

    public static FrozenDictionary<string, int> SmallNumbers => NumberWords.OneToTwelve;

    public static FrozenDictionary<string, DurationUnit> Units { get; } = new Dictionary<string, DurationUnit>
    {
        ["menit"] = DurationUnit.Minute,
        ["mnt"] = DurationUnit.Minute,
        ["min"] = DurationUnit.Minute,
        ["mins"] = DurationUnit.Minute,
        ["minute"] = DurationUnit.Minute,
        ["minutes"] = DurationUnit.Minute,
        ["jam"] = DurationUnit.Hour,
        ["jm"] = DurationUnit.Hour,
        ["hour"] = DurationUnit.Hour,
        ["hours"] = DurationUnit.Hour,
        ["hari"] = DurationUnit.Day,
        ["hr"] = DurationUnit.Day,
        ["hri"] = DurationUnit.Day,
        ["day"] = DurationUnit.Day,
        ["days"] = DurationUnit.Day,
        ["minggu"] = DurationUnit.Week,
        ["mgg"] = DurationUnit.Week,
        ["mg"] = DurationUnit.Week,
        ["pekan"] = DurationUnit.Week,
        ["week"] = DurationUnit.Week,
        ["weeks"] = DurationUnit.Week,
        ["bulan"] = DurationUnit.Month,
        ["bln"] = DurationUnit.Month,
        ["month"] = DurationUnit.Month,
        ["months"] = DurationUnit.Month,
    }.ToFrozenDictionary();

    /// <summary>"seminggu" is "se" (one) glued to the unit.</summary>
    public static FrozenDictionary<string, DurationUnit> OneUnit { get; } = new Dictionary<string, DurationUnit>
    {
        ["sejam"] = DurationUnit.Hour,
        ["sehari"] = DurationUnit.Day,
        ["seminggu"] = DurationUnit.Week,
        ["semingu"] = DurationUnit.Week,
        ["sepekan"] = DurationUnit.Week,
        ["sebulan"] = DurationUnit.Month,
    }.ToFrozenDictionary();

    public static FrozenDictionary<string, DayPart> DayParts { get; } = new Dictionary<string, DayPart>
    {
        ["pagi"] = DayPart.Pagi,
        ["pgi"] = DayPart.Pagi,
        ["morning"] = DayPart.Pagi,
        ["siang"] = DayPart.Siang,
        ["siank"] = DayPart.Siang,
        ["sore"] = DayPart.Sore,
        ["afternoon"] = DayPart.EnglishAfternoon,
        ["malam"] = DayPart.Malam,
        ["malem"] = DayPart.Malam,
        ["mlm"] = DayPart.Malam,
        ["evening"] = DayPart.Malam,
        ["night"] = DayPart.Malam,
    }.ToFrozenDictionary();

    /// <summary>Words after a clock time that say which half of the day it is, beyond the parts of the day.</summary>
    public static FrozenDictionary<string, ClockHint> ClockHints { get; } = new Dictionary<string, ClockHint>
    {
        ["am"] = ClockHint.Morning,
        ["subuh"] = ClockHint.Morning,
        ["shubuh"] = ClockHint.Morning,
        ["pm"] = ClockHint.AfterNoon,
    }.ToFrozenDictionary();

    public static FrozenDictionary<string, TimeSpan> ZoneAbbreviations { get; } = new Dictionary<string, TimeSpan>
    {
        ["wib"] = TimeSpan.FromHours(7),
        ["wita"] = TimeSpan.FromHours(8),
        ["wit"] = TimeSpan.FromHours(9),
    }.ToFrozenDictionary();

    public static FrozenSet<string> DayWord { get; } = Set("hari", "hr", "hri");

    public static FrozenSet<string> This { get; } = Set("ini");

    public static FrozenSet<string> Next { get; } = Set("depan", "dpn", "dpan", "depn", "mendatang", "berikutnya", "brikutnya");

    public static FrozenSet<string> Last { get; } = Set("lalu", "kemarin", "kmrn", "kemaren", "kmaren", "kmarin", "kmren");

    public static FrozenSet<string> WeekWords { get; } = Set("minggu", "mgg", "mg", "pekan", "week");

    public static FrozenSet<string> MonthWords { get; } = Set("bulan", "bln", "month");

    public static FrozenSet<string> Later { get; } = Set("lagi", "lg", "lgi", "lgy", "later", "kemudian");

    public static FrozenSet<string> Ago { get; } = Set("lalu", "ago", "sebelumnya");

    public static FrozenSet<string> DatePrefixes { get; } = Set("tanggal", "tgl", "tg", "tang", "tangal", "tanggl", "tggl", "tgll", "date");

    // Not "pk": in AC service "1 pk" is horsepower, far more often than "pukul".
    public static FrozenSet<string> ClockPrefixes { get; } = Set("jam", "jm", "jem", "pukul", "pkl", "at");

    public static FrozenSet<string> Half { get; } = Set("setengah", "stgh", "stengah", "setenga", "stgah", "stg");

    public static FrozenSet<string> Quarter { get; } = Set("seperempat", "sprempat", "seprapat", "seperapat", "sprmpt", "seprempat");

    public static FrozenSet<string> Past { get; } = Set("lewat", "lwt", "lebih", "lbh", "liwat");

    public static FrozenSet<string> To { get; } = Set("kurang", "krg", "kurg");

    public static FrozenSet<string> Exactly { get; } = Set("tepat", "teng", "sharp");

    public static FrozenSet<string> MinuteWords { get; } = Set("menit", "mnt", "min", "mins", "minutes");

    public static FrozenSet<string> Soon { get; } = Set("nanti", "nnti", "nti", "ntar", "ntr", "entar", "ntaran");

    public static FrozenSet<string> Earlier { get; } = Set("tadi", "td", "tdi");

    public static FrozenSet<string> Recurring { get; } = Set("tiap", "setiap", "every", "saban", "per");

    public static FrozenSet<string> Greetings { get; } = Set("selamat", "slmt", "slamat", "met", "good", "happy");

    public static FrozenSet<string> Addressees { get; } = Set(
        "kak", "ka", "kk", "kakak", "min", "admin", "pak", "bu", "bapak", "ibu", "mas", "mbak", "mba", "gan", "sis", "bro",
        "dok", "dokter", "semua", "all", "everyone", "bos", "boss", "om", "tante", "bang", "teh", "cik", "ci", "ko", "koh");

    /// <summary>Words before "minggu" that make it a week ("tiap minggu", "akhir minggu"), not Sunday.</summary>
    public static FrozenSet<string> WeekQuantifiers { get; } = Set(
        "beberapa", "tiap", "setiap", "per", "akhir", "awal", "pertengahan", "tengah", "dalam", "selama", "sampai", "satu", "dua", "tiga", "empat", "lima");

    /// <summary>Words between two parts of one time that change nothing: "besok aja ya kak jam 3".</summary>
    public static FrozenSet<string> Fillers { get; } = Set(
        "pada", "pd", "pas", "di", "ke", "aja", "saja", "ya", "yah", "yaa", "yg", "yang", "dong", "deh", "sih", "nih", "tuh",
        "kak", "ka", "kk", "kakak", "min", "admin", "gan", "sis", "mas", "mbak", "mba", "pak", "bu", "sekitar", "sekitaran",
        "sktr", "kira", "kurleb", "around", "on", "the", "in", "nya", "ok", "oke", "nanti", "ntar");

    /// <summary>Words that separate two different times: "besok atau lusa", "jam 10 sampai jam 12".</summary>
    public static FrozenSet<string> Separators { get; } = Set(
        "atau", "ataupun", "or", "dan", "and", "sampai", "sampe", "smp", "hingga", "until", "till", "sd", "tapi", "but",
        "kecuali", "selain", "bukan", "jangan", "lalu", "terus", "trus", "abis", "habis", "setelah", "sebelum", "before", "after");

    /// <summary>Words before a bare number that make it something other than a time: "nomor 5", "Rp 10.000".</summary>
    public static FrozenSet<string> NotTimeBefore { get; } = Set(
        "rp", "idr", "usd", "no", "nomor", "nmr", "versi", "ver", "kode", "lantai", "kamar", "meja", "ruang", "antrian", "antrean", "ke", "promo");

    /// <summary>Words after a number that make it a count, a size or a price: "3 orang", "1/2 pk", "12.50 rb".</summary>
    public static FrozenSet<string> Counted { get; } = Set(
        "rb", "ribu", "k", "jt", "juta", "orang", "org", "kali", "x", "persen", "kg", "km", "cm", "m", "gb", "mb", "unit",
        "pcs", "buah", "lembar", "porsi", "bintang", "pk", "liter", "ltr", "l", "ml", "gram", "gr", "meter", "inch", "inci");

    /// <summary>Words after a number that make it a length of time: "3-4 jam", "5-7 hari".</summary>
    public static FrozenSet<string> TimeUnits { get; } = Set("hari", "hr", "minggu", "bulan", "bln", "tahun", "thn", "jam", "menit", "mnt");

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
