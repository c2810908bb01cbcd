using System.Globalization;
using ConciergeBot.Language.Nlu;
using ConciergeBot.Language.Time.Indonesian;
using ConciergeBot.Language.Time;
using Xunit.Abstractions;

namespace ConciergeBot.Tests.Language.Time;

public sealed class IndonesianTimeRecognizerTests(ITestOutputHelper output)
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly IndonesianTimeRecognizer Recognizer = new();

    // Monday 23 November 2026, 10:00 in Jakarta.
    private static readonly TimeContext MondayMorning = new(At("2026-11-23T10:00:00+07:00"), Jakarta);

    // Tuesday 1 December 2026, 23:30 in Jakarta: still the afternoon of 1 December in UTC.
    private static readonly TimeContext TuesdayLate = new(At("2026-12-01T23:30:00+07:00"), Jakarta);

    [Fact]
    public void It_is_the_recognizer_for_indonesian()
    {
        Assert.Equal("id", Recognizer.Language);
    }

    [Theory]
    [InlineData("hari ini", "2026-11-23")]
    [InlineData("besok", "2026-11-24")]
    [InlineData("bsk", "2026-11-24")]
    [InlineData("tomorrow", "2026-11-24")]
    [InlineData("lusa", "2026-11-25")]
    [InlineData("Kamis", "2026-11-26")]
    [InlineData("hari Jum'at", "2026-11-27")]
    [InlineData("Sabtu ini", "2026-11-28")]
    [InlineData("Ahad", "2026-11-29")]
    [InlineData("Selasa minggu depan", "2026-12-01")]
    [InlineData("tanggal 3 Desember", "2026-12-03")]
    [InlineData("3 Des", "2026-12-03")]
    [InlineData("Desember tanggal 2", "2026-12-02")]
    [InlineData("tgl 3", "2026-12-03")]
    [InlineData("5/12", "2026-12-05")]
    [InlineData("5-12", "2026-12-05")]
    [InlineData("05/12/2026", "2026-12-05")]
    [InlineData("3 hari lagi", "2026-11-26")]
    [InlineData("seminggu lagi", "2026-11-30")]
    [InlineData("sebulan lagi", "2026-12-23")]
    public void A_day_without_a_time_is_the_whole_day(string text, string day)
    {
        var mention = Assert.Single(Recognizer.Recognize(text, MondayMorning));
        Assert.Equal(new TimeReading(Local(day + "T00:00"), Local(day + "T00:00").AddDays(1), TimeGrain.Day), mention.Reading);
        Assert.Empty(mention.Alternatives);
    }

    [Fact]
    public void Besok_written_late_in_the_evening_is_the_next_day_in_the_business_zone()
    {
        var mention = Assert.Single(Recognizer.Recognize("besok jam 10", TuesdayLate));
        Assert.Equal(TimeReading.Point(Local("2026-12-02T10:00"), TimeGrain.Minute), mention.Reading);
    }

    [Theory]
    [InlineData("besok jam 3 sore", "2026-11-24T15:00", TimeGrain.Minute)]
    [InlineData("jam 2 siang", "2026-11-23T14:00", TimeGrain.Minute)]
    [InlineData("jam 7 malam", "2026-11-23T19:00", TimeGrain.Minute)]
    [InlineData("pukul 16.00", "2026-11-23T16:00", TimeGrain.Minute)]
    [InlineData("10.30", "2026-11-23T10:30", TimeGrain.Minute)]
    [InlineData("setengah tiga", "2026-11-23T14:30", TimeGrain.Minute)]
    [InlineData("setengah 4 sore", "2026-11-23T15:30", TimeGrain.Minute)]
    [InlineData("setengah 8 pagi besok", "2026-11-24T07:30", TimeGrain.Minute)]
    [InlineData("jam 11 kurang seperempat", "2026-11-23T10:45", TimeGrain.Minute)]
    [InlineData("jam 3 lewat seperempat", "2026-11-23T15:15", TimeGrain.Minute)]
    [InlineData("jam 3 lewat 10", "2026-11-23T15:10", TimeGrain.Minute)]
    [InlineData("jam tiga", "2026-11-23T15:00", TimeGrain.Minute)]
    [InlineData("jam 12 malam", "2026-11-24T00:00", TimeGrain.Minute)]
    [InlineData("3pm besok", "2026-11-24T15:00", TimeGrain.Minute)]
    [InlineData("tgl 5/12 jam 10", "2026-12-05T10:00", TimeGrain.Minute)]
    [InlineData("next Monday jam 10", "2026-11-30T10:00", TimeGrain.Minute)]
    [InlineData("besok sore jam 4", "2026-11-24T16:00", TimeGrain.Minute)]
    public void A_clock_time_is_a_point_read_like_a_receptionist_would(string text, string local, TimeGrain grain)
    {
        var mention = Assert.Single(Recognizer.Recognize(text, MondayMorning));
        Assert.Equal(TimeReading.Point(Local(local), grain), mention.Reading);
        Assert.Empty(mention.Alternatives);
    }

    [Theory]
    [InlineData("jam 4", "2026-11-23T16:00")]
    [InlineData("jam 9", "2026-11-24T09:00")]
    [InlineData("jam 1", "2026-11-23T13:00")]
    [InlineData("jam 11", "2026-11-23T11:00")]
    public void An_ambiguous_hour_takes_the_reading_inside_business_hours(string text, string local)
    {
        var mention = Assert.Single(Recognizer.Recognize(text, MondayMorning));
        Assert.Equal(Local(local), mention.Reading.Start);
        Assert.Empty(mention.Alternatives);
    }

    [Fact]
    public void Business_hours_come_from_the_context()
    {
        var evenings = MondayMorning with { Hours = new BusinessDay(new TimeOnly(17, 0), new TimeOnly(23, 0)) };
        var mention = Assert.Single(Recognizer.Recognize("jam 8", evenings));
        Assert.Equal(Local("2026-11-23T20:00"), mention.Reading.Start);
    }

    [Fact]
    public void When_neither_reading_is_inside_hours_the_next_one_wins_and_the_other_is_the_alternative()
    {
        var mention = Assert.Single(Recognizer.Recognize("besok jam 7", MondayMorning));
        Assert.Equal(Local("2026-11-24T07:00"), mention.Reading.Start);
        Assert.Equal([Local("2026-11-24T19:00")], mention.Alternatives.Select(a => a.Start));
    }

    [Fact]
    public void A_time_without_a_day_already_past_today_is_tomorrow()
    {
        var mention = Assert.Single(Recognizer.Recognize("jam 11 malam", TuesdayLate));
        Assert.Equal(Local("2026-12-02T23:00"), mention.Reading.Start);
    }

    [Theory]
    [InlineData("besok sore", "2026-11-24T15:00", "2026-11-24T18:00")]
    [InlineData("besok pagi", "2026-11-24T06:00", "2026-11-24T11:00")]
    [InlineData("lusa siang", "2026-11-25T11:00", "2026-11-25T15:00")]
    [InlineData("nanti malam", "2026-11-23T18:00", "2026-11-23T22:00")]
    [InlineData("nanti sore", "2026-11-23T15:00", "2026-11-23T18:00")]
    [InlineData("besok morning", "2026-11-24T06:00", "2026-11-24T11:00")]
    [InlineData("tomorrow afternoon", "2026-11-24T12:00", "2026-11-24T18:00")]
    [InlineData("malam minggu", "2026-11-28T18:00", "2026-11-28T22:00")]
    public void A_part_of_the_day_is_a_window_not_a_made_up_minute(string text, string start, string end)
    {
        var mention = Assert.Single(Recognizer.Recognize(text, MondayMorning));
        Assert.Equal(new TimeReading(Local(start), Local(end), TimeGrain.PartOfDay), mention.Reading);
    }

    [Fact]
    public void A_part_of_the_day_already_over_is_tomorrows()
    {
        var mention = Assert.Single(Recognizer.Recognize("sore", TuesdayLate));
        Assert.Equal(Local("2026-12-02T15:00"), mention.Reading.Start);
    }

    [Fact]
    public void Rabu_depan_on_a_monday_is_this_coming_wednesday_or_the_one_in_next_week()
    {
        var mention = Assert.Single(Recognizer.Recognize("Rabu depan", MondayMorning));
        Assert.Equal(Local("2026-11-25T00:00"), mention.Reading.Start);
        Assert.Equal([Local("2026-12-02T00:00")], mention.Alternatives.Select(a => a.Start));
    }

    [Fact]
    public void Rabu_depan_on_a_friday_is_only_the_wednesday_of_next_week()
    {
        var friday = new TimeContext(At("2026-11-27T10:00:00+07:00"), Jakarta);
        var mention = Assert.Single(Recognizer.Recognize("Rabu depan", friday));
        Assert.Equal(Local("2026-12-02T00:00"), mention.Reading.Start);
        Assert.Empty(mention.Alternatives);
    }

    [Fact]
    public void A_bare_weekday_that_is_today_reads_today_with_next_week_as_the_alternative()
    {
        var mention = Assert.Single(Recognizer.Recognize("Senin", MondayMorning));
        Assert.Equal(Local("2026-11-23T00:00"), mention.Reading.Start);
        Assert.Equal([Local("2026-11-30T00:00")], mention.Alternatives.Select(a => a.Start));
    }

    [Fact]
    public void Todays_weekday_with_a_time_already_past_is_next_week()
    {
        var mention = Assert.Single(Recognizer.Recognize("Senin jam 9", MondayMorning));
        Assert.Equal(Local("2026-11-30T09:00"), mention.Reading.Start);
        Assert.Empty(mention.Alternatives);
    }

    [Theory]
    [InlineData("20/11", "2027-11-20")]
    [InlineData("tgl 10 Januari", "2027-01-10")]
    [InlineData("tgl 20", "2026-12-20")]
    public void A_date_without_a_year_is_the_next_one_not_past(string text, string day)
    {
        var mention = Assert.Single(Recognizer.Recognize(text, TuesdayLate));
        Assert.Equal(Local(day + "T00:00"), mention.Reading.Start);
    }

    [Theory]
    [InlineData("minggu depan", "2026-11-30", "2026-12-07", TimeGrain.Week)]
    [InlineData("minggu ini", "2026-11-23", "2026-11-30", TimeGrain.Week)]
    [InlineData("next week", "2026-11-30", "2026-12-07", TimeGrain.Week)]
    [InlineData("bulan depan", "2026-12-01", "2027-01-01", TimeGrain.Month)]
    public void Weeks_run_monday_to_monday_and_months_first_to_first(string text, string start, string end, TimeGrain grain)
    {
        var mention = Assert.Single(Recognizer.Recognize(text, MondayMorning));
        Assert.Equal(new TimeReading(Local(start + "T00:00"), Local(end + "T00:00"), grain), mention.Reading);
    }

    [Theory]
    [InlineData("sejam lagi", "2026-11-23T11:00")]
    [InlineData("2 jam lagi", "2026-11-23T12:00")]
    [InlineData("setengah jam lagi", "2026-11-23T10:30")]
    [InlineData("30 menit lagi", "2026-11-23T10:30")]
    public void A_time_from_now_counts_from_the_reference(string text, string local)
    {
        var mention = Assert.Single(Recognizer.Recognize(text, MondayMorning));
        Assert.Equal(TimeReading.Point(Local(local)), mention.Reading);
    }

    [Theory]
    [InlineData("saya 3 orang")]
    [InlineData("nomor 5")]
    [InlineData("lima bintang")]
    [InlineData("servisnya 2 jam")]
    [InlineData("Rp 150.000")]
    [InlineData("selamat pagi kak")]
    [InlineData("Sore kak, mau tanya")]
    [InlineData("min, jam berapa buka?")]
    [InlineData("kak aku mau reschedule dong")]
    [InlineData("2 minggu lalu")]
    [InlineData("kemarin sore")]
    [InlineData("tadi pagi")]
    [InlineData("besok-besok aja")]
    [InlineData("AC 1 pk 2 unit")]
    [InlineData("AC 1/2 pk")]
    [InlineData("rawat inap 3 malam")]
    [InlineData("servisnya 3-4 jam")]
    [InlineData("")]
    public void Words_that_are_not_times_to_book_give_no_mention(string text)
    {
        Assert.Empty(Recognizer.Recognize(text, MondayMorning));
    }

    [Theory]
    [InlineData("bisanya jam 1-3 siang", "2026-11-23T13:00", "2026-11-23T15:00", TimeGrain.Hour)]
    [InlineData("jam 10.00-12.00 besok", "2026-11-24T10:00", "2026-11-24T12:00", TimeGrain.Hour)]
    [InlineData("tgl 5-7 Desember", "2026-12-05T00:00", "2026-12-08T00:00", TimeGrain.Day)]
    [InlineData("akhir pekan ini", "2026-11-28T00:00", "2026-11-30T00:00", TimeGrain.Day)]
    [InlineData("weekend depan", "2026-12-05T00:00", "2026-12-07T00:00", TimeGrain.Day)]
    public void A_range_is_one_window(string text, string start, string end, TimeGrain grain)
    {
        var mention = Assert.Single(Recognizer.Recognize(text, MondayMorning));
        Assert.Equal(new TimeReading(Local(start), Local(end), grain), mention.Reading);
    }

    [Fact]
    public void A_mention_quotes_what_it_understood_and_where()
    {
        const string text = "bisa dipindah ke besok jam 3 sore?";
        var mention = Assert.Single(Recognizer.Recognize(text, MondayMorning));
        Assert.Equal("besok jam 3 sore", mention.Text);
        Assert.Equal(text.IndexOf("besok", StringComparison.Ordinal), mention.Index);
    }

    [Fact]
    public void Two_times_in_one_message_are_two_mentions_and_share_the_day()
    {
        var mentions = Recognizer.Recognize("besok jam 10 atau jam 3", MondayMorning);
        Assert.Equal([Local("2026-11-24T10:00"), Local("2026-11-24T15:00")], mentions.Select(m => m.Reading.Start));
    }

    [Fact]
    public void A_time_in_an_indonesian_zone_is_converted_to_the_business_zone()
    {
        var makassar = new TimeContext(At("2026-11-25T09:00:00+08:00"), TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"));
        var mention = Assert.Single(Recognizer.Recognize("besok jam 10 WIB", makassar));
        Assert.Equal(At("2026-11-26T11:00:00+08:00"), mention.Reading.Start);
        Assert.Equal(TimeSpan.FromHours(8), mention.Reading.Start.Offset);
    }

    [Fact]
    public void It_reads_the_dev_set_with_at_least_97_percent_accuracy()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Language", "Data", "datetime.id.jsonl"));
        var report = NluEvaluation.Dates("id", lines, new TimeRecognition([Recognizer]));

        output.WriteLine($"{report.Correct}/{report.Total} = {report.Accuracy:P1}");
        Assert.True(report.Total >= 220, $"the dev set has only {report.Total} lines");
        Assert.True(report.Accuracy >= 0.97, $"{report.Correct}/{report.Total} = {report.Accuracy:P1}; failures:\n{string.Join('\n', report.Failures)}");
    }

    private static string Describe(TimeReading reading, IReadOnlyList<TimeReading> alternatives) =>
        Describe(reading) + string.Concat(alternatives.Select(a => " | or " + Describe(a)));

    private static string Describe(TimeReading reading) => reading.IsWindow
        ? string.Create(CultureInfo.InvariantCulture, $"{reading.Start:yyyy-MM-dd HH:mm}..{reading.End:yyyy-MM-dd HH:mm zzz} {reading.Grain}")
        : string.Create(CultureInfo.InvariantCulture, $"{reading.Start:yyyy-MM-dd HH:mm zzz} {reading.Grain}");

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static DateTimeOffset Local(string local) => At(local + ":00+07:00");
}
