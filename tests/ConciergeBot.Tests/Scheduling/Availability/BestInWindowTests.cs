using ConciergeBot.Scheduling.Availability;
using static ConciergeBot.Tests.Scheduling.Availability.ScheduleBuilder;

namespace ConciergeBot.Tests.Scheduling.Availability;

/// <summary>A few good starts inside a window the customer named.</summary>
public sealed class BestInWindowTests
{
    private static readonly SlotFinder Finder = new(new SlotRules(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(60)));
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly DayOfWeek[] MondayToSaturday = [.. Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday)];

    private static ScheduleBuilder Workshop() => new ScheduleBuilder(Jakarta).Resource(Ani, "08:00-17:00", days: MondayToSaturday);

    private static string Best(ScheduleBuilder schedule, string from, string to, int count = 3) =>
        string.Join(", ", Finder.BestInWindow(schedule.Build(), new SlotRequest(Service(30), Now), schedule.At(from), schedule.At(to), count).Select(Local));

    [Theory]
    [InlineData("2026-12-02 06:00", "2026-12-02 11:00", "2026-12-02 08:00, 2026-12-02 09:00, 2026-12-02 10:00")]
    [InlineData("2026-12-02 00:00", "2026-12-03 00:00", "2026-12-02 08:00, 2026-12-02 11:00, 2026-12-02 14:00")]
    [InlineData("2026-12-02 15:00", "2026-12-02 18:00", "2026-12-02 15:00, 2026-12-02 15:30, 2026-12-02 16:00")]
    public void Within_one_day_the_starts_spread_from_the_earliest(string from, string to, string expected)
    {
        Assert.Equal(expected, Best(Workshop(), from, to));
    }

    [Fact]
    public void A_day_with_little_choice_gives_what_it_has()
    {
        var schedule = Workshop().Busy(Ani, "2026-12-02 08:00", "2026-12-02 09:00");

        Assert.Equal("2026-12-02 09:00, 2026-12-02 09:30, 2026-12-02 10:00", Best(schedule, "2026-12-02 06:00", "2026-12-02 11:00"));
    }

    [Fact]
    public void Across_several_days_each_start_is_on_a_different_day_earliest_first()
    {
        var schedule = Workshop().Busy(Ani, "2026-12-07 08:00", "2026-12-07 17:00");

        Assert.Equal("2026-12-08 08:00, 2026-12-09 08:00, 2026-12-10 08:00", Best(schedule, "2026-12-07 00:00", "2026-12-14 00:00"));
    }

    [Fact]
    public void With_fewer_days_than_starts_the_earlier_days_take_more()
    {
        Assert.Equal(
            "2026-12-07 08:00, 2026-12-07 12:30, 2026-12-08 08:00",
            Best(Workshop(), "2026-12-07 00:00", "2026-12-09 00:00"));
    }

    [Fact]
    public void A_day_never_takes_more_than_it_has()
    {
        var schedule = Workshop().Busy(Ani, "2026-12-07 08:30", "2026-12-07 17:00");

        Assert.Equal(
            "2026-12-07 08:00, 2026-12-08 08:00, 2026-12-08 12:30",
            Best(schedule, "2026-12-07 00:00", "2026-12-09 00:00"));
    }

    [Fact]
    public void A_full_window_gives_nothing()
    {
        var schedule = Workshop().Busy(Ani, "2026-12-02 06:00", "2026-12-02 12:00");

        Assert.Equal("", Best(schedule, "2026-12-02 06:00", "2026-12-02 11:00"));
    }

    [Fact]
    public void Several_free_resources_give_distinct_times()
    {
        var schedule = Workshop().Resource(Budi, "08:00-17:00", days: MondayToSaturday);

        Assert.Equal("2026-12-02 08:00, 2026-12-02 09:00, 2026-12-02 10:00", Best(schedule, "2026-12-02 06:00", "2026-12-02 11:00"));
    }
}
