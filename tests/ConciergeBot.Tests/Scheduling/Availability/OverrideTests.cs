using ConciergeBot.Scheduling.Availability;
using static ConciergeBot.Tests.Scheduling.Availability.ScheduleBuilder;
using static ConciergeBot.Tests.Scheduling.Availability.WorkingHoursTests;

namespace ConciergeBot.Tests.Scheduling.Availability;

/// <summary>Date overrides: holidays, a resource's own hours, extra hours, several rows for one date.</summary>
public sealed class OverrideTests
{
    private static readonly SlotFinder Finder = new(new SlotRules(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(60)));
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7));

    private static List<Slot> Slots(ScheduleBuilder schedule, int minutes = 60) =>
        Finder.FreeSlots(schedule.Build(), new SlotRequest(Service(minutes), Now), Day("2026-12-01"), Day("2026-12-04")).ToList();

    [Fact]
    public void A_business_holiday_closes_every_resource()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-11:00").Resource(Budi, "09:00-11:00").Override("2026-12-02", null);

        var slots = Slots(schedule);

        Assert.Equal("", ClocksOn(slots, "2026-12-02"));
        Assert.Equal("09:00 09:00 09:30 09:30 10:00 10:00", ClocksOn(slots, "2026-12-01"));
    }

    [Fact]
    public void A_resources_own_override_wins_over_the_business_holiday()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-11:00").Resource(Budi, "09:00-11:00")
            .Override("2026-12-02", null)
            .Override("2026-12-02", "13:00-14:00", Budi);

        var slots = Slots(schedule).Where(s => Local(s).StartsWith("2026-12-02", StringComparison.Ordinal)).ToList();

        Assert.Equal([(Budi, "13:00")], slots.Select(s => (s.ResourceId, Clock(s))));
    }

    [Fact]
    public void A_resources_own_closed_day_leaves_the_others_working()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-10:00").Resource(Budi, "09:00-10:00")
            .Override("2026-12-02", null, Ani);

        var slots = Slots(schedule).Where(s => Local(s).StartsWith("2026-12-02", StringComparison.Ordinal)).ToList();

        Assert.Equal([Budi], slots.Select(s => s.ResourceId));
    }

    [Fact]
    public void Extra_hours_open_a_weekday_that_is_normally_closed()
    {
        // Thursday 3 December is not a working day of the week.
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-10:00", days: [DayOfWeek.Tuesday])
            .Override("2026-12-03", "18:00-20:00");

        var slots = Slots(schedule);

        Assert.Equal(["2026-12-01 09:00", "2026-12-03 18:00", "2026-12-03 18:30", "2026-12-03 19:00"], slots.Select(Local));
    }

    [Fact]
    public void Several_rows_for_one_date_add_up_and_replace_the_weekly_hours_and_breaks()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-17:00", breaks: "12:00-13:00")
            .Override("2026-12-02", "08:00-09:00,11:30-13:30")
            .Override("2026-12-02", "13:00-14:00");

        var slots = Slots(schedule);

        Assert.Equal("08:00 11:30 12:00 12:30 13:00", ClocksOn(slots, "2026-12-02"));
    }

    [Fact]
    public void A_closed_row_next_to_rows_with_hours_adds_nothing()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-17:00")
            .Override("2026-12-02", null)
            .Override("2026-12-02", "10:00-11:00");

        var slots = Slots(schedule);

        Assert.Equal("10:00", ClocksOn(slots, "2026-12-02"));
    }
}
