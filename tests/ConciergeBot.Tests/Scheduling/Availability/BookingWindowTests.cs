using ConciergeBot.Scheduling.Availability;
using static ConciergeBot.Tests.Scheduling.Availability.ScheduleBuilder;
using static ConciergeBot.Tests.Scheduling.Availability.WorkingHoursTests;

namespace ConciergeBot.Tests.Scheduling.Availability;

/// <summary>How soon and how far ahead a start may be: minimum notice, horizon, the request's latest.</summary>
public sealed class BookingWindowTests
{
    private static readonly SlotFinder Finder = new(new SlotRules(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(3)));

    [Theory]
    [InlineData("2026-12-01T07:00:00+07:00", "09:00")]
    [InlineData("2026-12-01T08:00:00+07:00", "10:00")]
    [InlineData("2026-12-01T08:10:00+07:00", "10:30")]
    [InlineData("2026-12-01T10:00:00+07:00", "12:00")]
    [InlineData("2026-12-01T10:01:00+07:00", "")]
    public void No_start_is_offered_sooner_than_the_minimum_notice(string now, string first)
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-13:00").Build();
        var request = new SlotRequest(Service(60), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        var slots = Finder.FreeSlots(schedule, request, Day("2026-12-01"), Day("2026-12-02"));

        Assert.Equal(first, slots.Select(Clock).FirstOrDefault() ?? "");
    }

    [Fact]
    public void The_last_start_is_at_the_horizon()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-12:00").Build();
        var now = schedule.At("2026-12-01 10:00");

        var slots = Finder.FreeSlots(schedule, new SlotRequest(Service(30), now), Day("2026-12-01"), Day("2026-12-10")).ToList();

        Assert.Equal("2026-12-02 09:00", Local(slots[0]));
        Assert.Equal("2026-12-04 10:00", Local(slots[^1]));
    }

    [Fact]
    public void The_requests_latest_cuts_the_search_before_the_horizon()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-12:00").Build();
        var now = schedule.At("2026-12-01 06:00");
        var request = new SlotRequest(Service(30), now, Latest: schedule.At("2026-12-02 10:00"));

        var slots = Finder.FreeSlots(schedule, request, Day("2026-12-01"), Day("2026-12-10")).ToList();

        Assert.Equal("2026-12-02 10:00", Local(slots[^1]));
        Assert.Null(Finder.FindAt(schedule, request, schedule.At("2026-12-02 10:30")));
        Assert.NotNull(Finder.FindAt(schedule, request, schedule.At("2026-12-02 10:00")));
    }

    [Fact]
    public void Nearest_and_window_searches_keep_to_the_same_limits()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-12:00").Build();
        var now = schedule.At("2026-12-01 09:00");
        var request = new SlotRequest(Service(30), now);

        var nearest = Finder.Nearest(schedule, request, schedule.At("2026-12-01 09:30"), 3);
        var window = Finder.BestInWindow(schedule, request, Day("2026-12-04"), Day("2026-12-06"), 3);

        Assert.All(nearest, s => Assert.True(s.Start >= now.AddHours(2)));
        Assert.Equal(["2026-12-04 09:00"], window.Select(Local));
    }
}
