using ConciergeBot.Scheduling.Availability;
using static ConciergeBot.Tests.Scheduling.Availability.ScheduleBuilder;

namespace ConciergeBot.Tests.Scheduling.Availability;

/// <summary>Alternatives around a time that is taken or outside the hours.</summary>
public sealed class NearestTests
{
    private static readonly SlotFinder Finder = new(new SlotRules(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(60)));
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly DayOfWeek[] MondayToSaturday = [.. Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday)];

    private static ScheduleBuilder Workshop(string hours = "08:00-17:00") =>
        new ScheduleBuilder(Jakarta).Resource(Ani, hours, days: MondayToSaturday);

    private static string Nearest(ScheduleBuilder schedule, string target, int count, Guid? preferred = null) =>
        string.Join(", ", Finder.Nearest(schedule.Build(), new SlotRequest(Service(60), Now, PreferredResourceId: preferred), schedule.At(target), count).Select(Local));

    [Fact]
    public void A_taken_time_offers_the_closest_free_starts_before_and_after_it()
    {
        var schedule = Workshop().Busy(Ani, "2026-12-02 09:00", "2026-12-02 12:00");

        Assert.Equal("2026-12-02 08:00, 2026-12-02 12:00, 2026-12-02 12:30", Nearest(schedule, "2026-12-02 10:00", 3));
    }

    [Fact]
    public void The_same_part_of_the_day_beats_a_slightly_closer_start_in_another_part()
    {
        // 11:30 is an hour from 10:30 but at midday; 08:00 is two and a half hours away but in the morning.
        var schedule = Workshop().Busy(Ani, "2026-12-02 09:00", "2026-12-02 11:30");

        Assert.Equal("2026-12-02 08:00", Nearest(schedule, "2026-12-02 10:30", 1));
        Assert.Equal("2026-12-02 08:00, 2026-12-02 11:30", Nearest(schedule, "2026-12-02 10:30", 2));
    }

    [Fact]
    public void The_same_day_comes_before_other_days_but_an_earlier_start_the_day_before_is_offered_too()
    {
        var schedule = Workshop().Busy(Ani, "2026-12-02 08:00", "2026-12-02 15:00");

        Assert.Equal("2026-12-01 10:00, 2026-12-02 15:00, 2026-12-02 15:30", Nearest(schedule, "2026-12-02 10:00", 3));
    }

    [Fact]
    public void On_other_days_the_clock_time_closest_to_the_target_wins()
    {
        var schedule = Workshop().Busy(Ani, "2026-12-02 08:00", "2026-12-02 17:00");

        Assert.Equal("2026-12-01 10:00, 2026-12-03 09:30, 2026-12-03 10:00", Nearest(schedule, "2026-12-02 10:00", 3));
    }

    [Fact]
    public void An_earlier_start_two_days_back_is_not_forced_in()
    {
        // Monday 7 December at opening time; Sunday is closed, so the nearest earlier start is on Saturday.
        var schedule = Workshop().Busy(Ani, "2026-12-07 08:00", "2026-12-07 09:00");

        Assert.Equal("2026-12-07 09:00, 2026-12-07 09:30, 2026-12-07 10:00", Nearest(schedule, "2026-12-07 08:00", 3));
    }

    [Theory]
    [InlineData("2026-12-02 19:00", "2026-12-02 16:00, 2026-12-03 16:00")]
    [InlineData("2026-12-02 06:00", "2026-12-01 08:00, 2026-12-02 08:00")]
    [InlineData("2026-12-06 12:00", "2026-12-05 12:00, 2026-12-07 12:00")]
    public void A_time_outside_the_hours_gets_the_closest_starts_inside_them_on_both_sides(string target, string expected)
    {
        Assert.Equal(expected, Nearest(Workshop(), target, 2));
    }

    [Fact]
    public void Starts_are_distinct_times_on_the_preferred_resource_when_it_is_free()
    {
        var schedule = Workshop().Resource(Budi, "08:00-17:00", days: MondayToSaturday)
            .Busy(Ani, "2026-12-02 10:00", "2026-12-02 11:00")
            .Busy(Budi, "2026-12-02 09:00", "2026-12-02 11:00")
            .Busy(Ani, "2026-12-02 11:00", "2026-12-02 12:00");
        var request = new SlotRequest(Service(60), Now, PreferredResourceId: Budi);

        var slots = Finder.Nearest(schedule.Build(), request, schedule.At("2026-12-02 10:00"), 4);

        Assert.Equal(
            ["08:00 Budi", "08:30 Ani", "09:00 Ani", "11:00 Budi"],
            slots.Select(s => $"{Clock(s)} {(s.ResourceId == Ani ? "Ani" : "Budi")}"));
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "2026-12-02 08:30")]
    [InlineData(2, "2026-12-02 08:30, 2026-12-02 11:00")]
    [InlineData(5, "2026-12-02 08:00, 2026-12-02 08:30, 2026-12-02 11:00, 2026-12-02 11:30, 2026-12-02 12:00")]
    public void At_most_count_starts_come_back_in_time_order(int count, string expected)
    {
        var schedule = Workshop().Busy(Ani, "2026-12-02 09:30", "2026-12-02 11:00");

        Assert.Equal(expected, Nearest(schedule, "2026-12-02 10:00", count));
    }

    [Fact]
    public void The_search_stops_two_weeks_from_the_target()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-10:00", days: [])
            .Override("2026-12-16", "09:00-10:00", Ani)
            .Override("2026-12-17", "09:00-10:00", Ani);

        Assert.Equal("2026-12-16 09:00", Nearest(schedule, "2026-12-02 09:00", 3));
    }

    [Fact]
    public void No_start_is_offered_before_the_minimum_notice()
    {
        Assert.Equal("2026-11-30 10:00, 2026-11-30 10:30, 2026-11-30 11:00", Nearest(Workshop(), "2026-11-30 08:30", 3));
    }
}
