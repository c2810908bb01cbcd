using System.Globalization;
using ConciergeBot.Language.Nlu;
using ConciergeBot.Language.Time.English;
using ConciergeBot.Language.Time;
using Xunit.Abstractions;

namespace ConciergeBot.Tests.Language.Time;

public sealed class EnglishTimeRecognizerTests(ITestOutputHelper output)
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly EnglishTimeRecognizer Recognizer = new();

    // Monday 23 November 2026, 10:00 in Jakarta.
    private static readonly TimeContext MondayMorning = new(At("2026-11-23T10:00:00+07:00"), Jakarta);

    // Tuesday 1 December 2026, 23:30 in Jakarta: still the afternoon of 1 December in UTC.
    private static readonly TimeContext TuesdayLate = new(At("2026-12-01T23:30:00+07:00"), Jakarta);

    // Wednesday 25 November 2026, 20:00 in Jakarta.
    private static readonly TimeContext WednesdayEvening = new(At("2026-11-25T20:00:00+07:00"), Jakarta);

    // Saturday 27 March 2027, 22:00 in Amsterdam: the clocks go from 02:00 to 03:00 tonight.
    private static readonly TimeContext BeforeSpringForward = new(At("2027-03-27T22:00:00+01:00"), Amsterdam);

    private static readonly Dictionary<string, TimeContext> Contexts = new()
    {
        ["monday 10:00"] = MondayMorning,
        ["tuesday 23:30"] = TuesdayLate,
        ["wednesday 20:00"] = WednesdayEvening,
    };

    [Fact]
    public void It_is_the_recognizer_for_english()
    {
        Assert.Equal("en", Recognizer.Language);
    }

    [Theory]
    [InlineData("tomorrow", "2026-12-02")]
    [InlineData("today", "2026-12-01")]
    [InlineData("the day after tomorrow", "2026-12-03")]
    [InlineData("in 3 days", "2026-12-04")]
    public void Relative_days_are_counted_on_the_business_calendar_not_in_utc(string text, string day)
    {
        var reading = Single(text, TuesdayLate);
        Assert.Equal(DayWindow(day), reading);
    }

    [Theory]
    [InlineData("friday", "monday 10:00", "2026-11-27")]
    [InlineData("sunday", "monday 10:00", "2026-11-29")]
    [InlineData("monday", "tuesday 23:30", "2026-12-07")]
    [InlineData("on the 3rd", "monday 10:00", "2026-12-03")]
    [InlineData("20/11", "monday 10:00", "2027-11-20")]
    [InlineData("Dec 5", "monday 10:00", "2026-12-05")]
    [InlineData("1/12", "tuesday 23:30", "2026-12-01")]
    public void A_bare_weekday_or_date_means_the_next_one_that_is_not_in_the_past(string text, string context, string day)
    {
        Assert.Equal(DayWindow(day), Single(text, Contexts[context]));
    }

    [Theory]
    [InlineData("at 4", "monday 10:00", "2026-11-23 16:00")]
    [InlineData("tomorrow at 4", "monday 10:00", "2026-11-24 16:00")]
    [InlineData("friday at 10", "monday 10:00", "2026-11-27 10:00")]
    [InlineData("at 9", "wednesday 20:00", "2026-11-26 09:00")]
    [InlineData("at 10", "tuesday 23:30", "2026-12-02 10:00")]
    [InlineData("monday at 9", "monday 10:00", "2026-11-30 09:00")]
    public void An_ambiguous_clock_time_takes_the_reading_inside_business_hours(string text, string context, string at)
    {
        Assert.Equal(TimeReading.Point(Local(at), TimeGrain.Minute), Single(text, Contexts[context]));
    }

    [Theory]
    [InlineData("tomorrow at 7", "2026-11-24 07:00")]
    [InlineData("at 7", "2026-11-23 19:00")]
    public void An_ambiguous_clock_time_outside_business_hours_either_way_is_the_soonest(string text, string at)
    {
        Assert.Equal(TimeReading.Point(Local(at), TimeGrain.Minute), Single(text, MondayMorning));
    }

    [Fact]
    public void The_business_own_hours_decide_an_ambiguous_clock_time()
    {
        var eveningBusiness = MondayMorning with { Hours = new BusinessDay(new TimeOnly(17, 0), new TimeOnly(23, 0)) };
        Assert.Equal(TimeReading.Point(Local("2026-11-23 21:00"), TimeGrain.Minute), Single("at 9", eveningBusiness));
        Assert.Equal(TimeReading.Point(Local("2026-11-24 09:00"), TimeGrain.Minute), Single("at 9", MondayMorning));
    }

    [Theory]
    [InlineData("tomorrow morning", "2026-11-24 06:00", "2026-11-24 11:00")]
    [InlineData("this afternoon", "2026-11-23 12:00", "2026-11-23 18:00")]
    [InlineData("next Tuesday afternoon", "2026-12-01 12:00", "2026-12-01 18:00")]
    [InlineData("tonight", "2026-11-23 18:00", "2026-11-23 22:00")]
    [InlineData("friday evening", "2026-11-27 18:00", "2026-11-27 22:00")]
    [InlineData("tomorrow at lunchtime", "2026-11-24 11:00", "2026-11-24 15:00")]
    public void A_part_of_the_day_is_a_window_not_a_made_up_minute(string text, string start, string end)
    {
        Assert.Equal(new TimeReading(Local(start), Local(end), TimeGrain.PartOfDay), Single(text, MondayMorning));
    }

    [Fact]
    public void A_part_of_the_day_that_is_over_means_the_next_one()
    {
        Assert.Equal(new TimeReading(Local("2026-11-26 06:00"), Local("2026-11-26 11:00"), TimeGrain.PartOfDay), Single("in the morning", WednesdayEvening));
    }

    [Theory]
    [InlineData("Dec 5", "2026-12-05", "2026-12-06", TimeGrain.Day)]
    [InlineData("next week", "2026-11-30", "2026-12-07", TimeGrain.Week)]
    [InlineData("the week after next", "2026-12-07", "2026-12-14", TimeGrain.Week)]
    [InlineData("this weekend", "2026-11-28", "2026-11-30", TimeGrain.Week)]
    [InlineData("end of the month", "2026-11-24", "2026-12-01", TimeGrain.Week)]
    [InlineData("next month", "2026-12-01", "2027-01-01", TimeGrain.Month)]
    [InlineData("in january", "2027-01-01", "2027-02-01", TimeGrain.Month)]
    public void A_date_week_or_month_without_a_time_is_a_window(string text, string start, string end, TimeGrain grain)
    {
        Assert.Equal(new TimeReading(Local(start + " 00:00"), Local(end + " 00:00"), grain), Single(text, MondayMorning));
    }

    [Theory]
    [InlineData("Friday 3pm", "2026-11-27 15:00", TimeGrain.Minute)]
    [InlineData("this Friday at 10", "2026-11-27 10:00", TimeGrain.Minute)]
    [InlineData("Dec 5 at 10:30", "2026-12-05 10:30", TimeGrain.Minute)]
    [InlineData("half past 2 tomorrow", "2026-11-24 14:30", TimeGrain.Minute)]
    [InlineData("in 2 hours", "2026-11-23 12:00", TimeGrain.Minute)]
    [InlineData("in half an hour", "2026-11-23 10:30", TimeGrain.Minute)]
    public void A_point_in_time_has_no_length(string text, string at, TimeGrain grain)
    {
        var reading = Single(text, MondayMorning);
        Assert.Equal(TimeReading.Point(Local(at), grain), reading);
        Assert.False(reading.IsWindow);
    }

    [Fact]
    public void Right_now_is_the_moment_the_customer_wrote()
    {
        var mention = Assert.Single(Recognizer.Recognize("can I come right now?", MondayMorning));
        Assert.Equal("right now", mention.Text);
        Assert.Equal(TimeReading.Point(MondayMorning.Reference), mention.Reading);
    }

    [Fact]
    public void A_range_of_hours_past_midnight_ends_the_next_day()
    {
        Assert.Equal(new TimeReading(Local("2026-11-23 23:00"), Local("2026-11-24 01:00"), TimeGrain.Hour), Single("between 11pm and 1am", MondayMorning));
    }

    [Theory]
    [InlineData("5/12", "2026-12-05")]
    [InlineData("5/12/2026", "2026-12-05")]
    [InlineData("5-12-2026", "2026-12-05")]
    [InlineData("5.12.2026", "2026-12-05")]
    [InlineData("15/1", "2027-01-15")]
    [InlineData("2/1/2027", "2027-01-02")]
    public void Numeric_dates_are_day_then_month(string text, string day)
    {
        Assert.Equal(DayWindow(day), Single(text, MondayMorning));
    }

    [Fact]
    public void A_numeric_date_with_a_time_is_day_then_month_too()
    {
        Assert.Equal(TimeReading.Point(Local("2026-12-05 14:00"), TimeGrain.Minute), Single("5/12 at 2pm", MondayMorning));
    }

    [Fact]
    public void Next_wednesday_said_on_a_monday_is_next_weeks_with_this_weeks_as_the_alternative()
    {
        var mention = Assert.Single(Recognizer.Recognize("next Wednesday", MondayMorning));
        Assert.Equal(DayWindow("2026-12-02"), mention.Reading);
        Assert.Equal([DayWindow("2026-11-25")], mention.Alternatives);
    }

    [Fact]
    public void Next_weekday_with_a_time_keeps_the_time_in_both_readings()
    {
        var mention = Assert.Single(Recognizer.Recognize("next tuesday at 10", MondayMorning));
        Assert.Equal(TimeReading.Point(Local("2026-12-01 10:00"), TimeGrain.Minute), mention.Reading);
        Assert.Equal([TimeReading.Point(Local("2026-11-24 10:00"), TimeGrain.Minute)], mention.Alternatives);
    }

    [Theory]
    [InlineData("next monday", "monday 10:00", "2026-11-30")]
    [InlineData("next tuesday", "tuesday 23:30", "2026-12-08")]
    [InlineData("tuesday next week", "monday 10:00", "2026-12-01")]
    [InlineData("this friday", "monday 10:00", "2026-11-27")]
    public void A_weekday_that_can_only_be_one_day_has_no_alternative(string text, string context, string day)
    {
        var mention = Assert.Single(Recognizer.Recognize(text, Contexts[context]));
        Assert.Equal(DayWindow(day), mention.Reading);
        Assert.Empty(mention.Alternatives);
    }

    [Fact]
    public void A_weekday_said_on_that_weekday_is_today_with_a_week_later_as_the_alternative()
    {
        var mention = Assert.Single(Recognizer.Recognize("Monday", MondayMorning));
        Assert.Equal(DayWindow("2026-11-23"), mention.Reading);
        Assert.Equal([DayWindow("2026-11-30")], mention.Alternatives);
    }

    [Theory]
    [InlineData("tmrw 3pm", 0, "tmrw 3pm")]
    [InlineData("can we do 2moro at 10.30?", 10, "2moro at 10.30")]
    [InlineData("ok so tmr morning then", 6, "tmr morning")]
    [InlineData("is the 5th @ 3pm free", 3, "the 5th @ 3pm")]
    public void Chat_spellings_are_read_and_reported_in_the_customers_own_words(string text, int index, string said)
    {
        var mention = Assert.Single(Recognizer.Recognize(text, MondayMorning));
        Assert.Equal(index, mention.Index);
        Assert.Equal(said, mention.Text);
        Assert.Equal(said, text.Substring(mention.Index, mention.Text.Length));
    }

    [Theory]
    [InlineData("tmrw 3pm", "2026-11-24 15:00", TimeGrain.Minute)]
    [InlineData("tomoro at 11", "2026-11-24 11:00", TimeGrain.Minute)]
    [InlineData("tommorow 10.30", "2026-11-24 10:30", TimeGrain.Minute)]
    [InlineData("sat 10am", "2026-11-28 10:00", TimeGrain.Minute)]
    [InlineData("2day at 3", "2026-11-23 15:00", TimeGrain.Minute)]
    public void Chat_spellings_resolve_like_the_words_they_stand_for(string text, string at, TimeGrain grain)
    {
        Assert.Equal(TimeReading.Point(Local(at), grain), Single(text, MondayMorning));
    }

    [Fact]
    public void Elapsed_hours_are_real_hours_across_a_clock_change()
    {
        // 22:00 CET plus five hours is 04:00 CEST: the clocks skipped 02:00–03:00.
        Assert.Equal(TimeReading.Point(At("2027-03-28T04:00:00+02:00")), Single("in 5 hours", BeforeSpringForward));
    }

    [Fact]
    public void Each_end_of_a_window_carries_its_own_offset_across_a_clock_change()
    {
        var sunday = Single("tomorrow", BeforeSpringForward);
        Assert.Equal(At("2027-03-28T00:00:00+01:00"), sunday.Start);
        Assert.Equal(TimeSpan.FromHours(1), sunday.Start.Offset);
        Assert.Equal(At("2027-03-29T00:00:00+02:00"), sunday.End);
        Assert.Equal(TimeSpan.FromHours(2), sunday.End.Offset);
        Assert.Equal(TimeSpan.FromHours(2), Single("tomorrow at 10", BeforeSpringForward).Start.Offset);
    }

    [Fact]
    public void Moving_from_one_time_to_another_is_two_mentions_not_a_range()
    {
        var mentions = Recognizer.Recognize("hey can we move my 3pm to 5pm", MondayMorning);
        Assert.Equal(["3pm", "5pm"], mentions.Select(m => m.Text));
        Assert.Equal([TimeReading.Point(Local("2026-11-23 15:00"), TimeGrain.Minute), TimeReading.Point(Local("2026-11-23 17:00"), TimeGrain.Minute)], mentions.Select(m => m.Reading));
    }

    [Fact]
    public void A_range_of_hours_is_a_window()
    {
        Assert.Equal(new TimeReading(Local("2026-11-24 14:00"), Local("2026-11-24 16:00"), TimeGrain.Hour), Single("tomorrow 2-4pm", MondayMorning));
    }

    [Fact]
    public void Several_mentions_come_in_the_order_they_were_written()
    {
        var mentions = Recognizer.Recognize("I can't make it tomorrow, can we do thursday instead?", MondayMorning);
        Assert.Equal(["tomorrow", "thursday"], mentions.Select(m => m.Text));
        Assert.Equal([DayWindow("2026-11-24"), DayWindow("2026-11-26")], mentions.Select(m => m.Reading));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hi, I want to book a haircut")]
    [InlineData("good morning, can I book a massage?")]
    [InlineData("my phone number is 0812 3456 7890")]
    [InlineData("I'd like a 60 minute massage")]
    [InlineData("I may be 10 minutes late")]
    [InlineData("are you open 24/7?")]
    [InlineData("the facial costs 12.50 right?")]
    [InlineData("merry christmas and happy new year!")]
    [InlineData("the 2nd option please")]
    [InlineData("I sat in the waiting room forever")]
    [InlineData("I got too much sun.")]
    [InlineData("now that I think about it, I'd like a facial")]
    [InlineData("31/2")]
    [InlineData("feb 30")]
    public void Text_without_a_time_has_no_mentions(string text)
    {
        Assert.Empty(Recognizer.Recognize(text, MondayMorning));
    }

    [Fact]
    public void It_reads_the_dev_set_with_at_least_97_percent_accuracy()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Language", "Data", "datetime.en.jsonl"));
        var report = NluEvaluation.Dates("en", lines, new TimeRecognition([Recognizer]));

        output.WriteLine($"{report.Correct}/{report.Total} = {report.Accuracy:P1}");
        Assert.True(report.Total >= 220, $"the dev set has only {report.Total} lines");
        Assert.True(report.Accuracy >= 0.97, $"{report.Correct}/{report.Total} = {report.Accuracy:P1}; failures:\n{string.Join('\n', report.Failures)}");
    }

    private static TimeReading Single(string text, TimeContext context) => Assert.Single(Recognizer.Recognize(text, context)).Reading;

    private static string Describe(TimeReading reading, IReadOnlyList<TimeReading>? alternatives) =>
        Describe(reading) + string.Concat((alternatives ?? []).Select(a => " | or " + Describe(a)));

    private static string Describe(TimeReading reading) => reading.IsWindow
        ? string.Create(CultureInfo.InvariantCulture, $"{reading.Start:yyyy-MM-dd HH:mm zzz}..{reading.End:yyyy-MM-dd HH:mm zzz} {reading.Grain}")
        : string.Create(CultureInfo.InvariantCulture, $"{reading.Start:yyyy-MM-dd HH:mm zzz} {reading.Grain}");

    private static TimeReading DayWindow(string day) => new(Local(day + " 00:00"), Local(DateOnly.Parse(day, CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00"), TimeGrain.Day);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static DateTimeOffset Local(string local) => At(local.Replace(' ', 'T') + ":00+07:00");
}
