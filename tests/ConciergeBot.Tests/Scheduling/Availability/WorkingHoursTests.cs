using ConciergeBot.Scheduling.Availability;
using static ConciergeBot.Tests.Scheduling.Availability.ScheduleBuilder;

namespace ConciergeBot.Tests.Scheduling.Availability;

public sealed class WorkingHoursTests
{
    private static readonly SlotFinder Finder = new(new SlotRules(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(60)));

    // Monday 30 November 2026, 08:00 in Jakarta; the tests look at Tuesday 1 December.
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData("09:00-12:00", null, 60, "09:00 09:30 10:00 10:30 11:00")]
    [InlineData("09:00-11:00", null, 30, "09:00 09:30 10:00 10:30")]
    [InlineData("09:00-17:00", "12:00-13:00", 60, "09:00 09:30 10:00 10:30 11:00 13:00 13:30 14:00 14:30 15:00 15:30 16:00")]
    [InlineData("08:00-10:00,15:00-17:00", null, 60, "08:00 08:30 09:00 15:00 15:30 16:00")]
    [InlineData("09:15-11:00", null, 30, "09:15 09:45 10:15")]
    [InlineData("09:00-13:00", "10:45-11:00", 30, "09:00 09:30 10:00 11:00 11:30 12:00 12:30")]
    [InlineData("09:00-11:30", "10:00-10:15", 30, "09:00 09:30 10:15 10:45")]
    [InlineData("09:00-12:00,12:00-13:00", null, 120, "09:00 09:30 10:00 10:30 11:00")]
    [InlineData("22:00-00:00", null, 60, "22:00 22:30 23:00")]
    [InlineData("09:00-10:00", null, 90, "")]
    public void Slots_fill_the_working_intervals_on_a_grid_counted_from_each_opening(string hours, string? breaks, int minutes, string expected)
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, hours, breaks: breaks);

        var slots = Finder.FreeSlots(schedule.Build(), new SlotRequest(Service(minutes), Now), schedule.At("2026-12-01 00:00"), schedule.At("2026-12-02 00:00"));

        Assert.Equal(expected, string.Join(' ', slots.Select(Clock)));
    }

    [Fact]
    public void A_break_on_one_weekday_does_not_touch_the_other_days()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-11:00", breaks: "09:30-10:30", breakDay: DayOfWeek.Friday).Build();

        var slots = Finder.FreeSlots(schedule, new SlotRequest(Service(30), Now), Day("2026-12-01"), Day("2026-12-05")).ToList();

        Assert.Equal("09:00 09:30 10:00 10:30", ClocksOn(slots, "2026-12-01"));
        Assert.Equal("09:00 10:30", ClocksOn(slots, "2026-12-04"));
    }

    [Fact]
    public void Days_without_weekly_hours_have_no_slots()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-10:00", days: [DayOfWeek.Monday, DayOfWeek.Wednesday]).Build();

        var slots = Finder.FreeSlots(schedule, new SlotRequest(Service(60), Now), Day("2026-12-01"), Day("2026-12-08"));

        Assert.Equal(["2026-12-02 09:00", "2026-12-07 09:00"], slots.Select(Local));
    }

    [Fact]
    public void Slots_come_back_only_inside_the_asked_period_and_in_time_order()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-12:00").Build();

        var slots = Finder.FreeSlots(schedule, new SlotRequest(Service(30), Now), Day("2026-12-01").AddHours(10), Day("2026-12-02").AddHours(9.5)).ToList();

        Assert.Equal(["2026-12-01 10:00", "2026-12-01 10:30", "2026-12-01 11:00", "2026-12-01 11:30", "2026-12-02 09:00"], slots.Select(Local));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(7), s.Start.Offset));
        Assert.All(slots, s => Assert.Equal(s.Start.AddMinutes(30), s.End));
    }

    internal static DateTimeOffset Day(string date) => DateTimeOffset.Parse(date + "T00:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture);

    internal static string ClocksOn(IEnumerable<Slot> slots, string date) =>
        string.Join(' ', slots.Where(s => Local(s).StartsWith(date, StringComparison.Ordinal)).Select(Clock));
}
