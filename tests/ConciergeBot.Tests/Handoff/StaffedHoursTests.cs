using ConciergeBot.Handoff;

namespace ConciergeBot.Tests.Handoff;

public sealed class StaffedHoursTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static HandoffOptions Desk() => new()
    {
        StaffedHours = new()
        {
            [DayOfWeek.Monday] = "08:00-12:00, 13:00-17:00",
            [DayOfWeek.Tuesday] = "08:00-12:00, 13:00-17:00",
            [DayOfWeek.Saturday] = "08:00-14:00",
        },
        Closed = [new DateOnly(2026, 12, 5)],
    };

    [Theory]
    [InlineData(1, 9, 0, true)]
    [InlineData(1, 12, 30, false)] // lunch
    [InlineData(1, 17, 0, false)]
    [InlineData(1, 7, 59, false)]
    [InlineData(2, 10, 0, false)] // Wednesday: not staffed
    [InlineData(5, 10, 0, false)] // Saturday, but a closed date
    public void Staffed_hours_follow_the_week_the_breaks_and_the_closed_dates(int day, int hour, int minute, bool staffed) =>
        Assert.Equal(staffed, new StaffedHours(Desk(), Jakarta).IsStaffed(At(day, hour, minute)));

    [Fact]
    public void The_next_opening_skips_breaks_unstaffed_days_and_closed_dates()
    {
        var hours = new StaffedHours(Desk(), Jakarta);

        Assert.Equal(At(1, 13), hours.NextOpening(At(1, 12, 15)));
        Assert.Equal(At(7, 8), hours.NextOpening(At(1, 18)));
    }

    [Fact]
    public void With_shifts_only_hours_someone_works_are_staffed()
    {
        var options = Desk();
        options.Shifts["sari"] = new() { [DayOfWeek.Tuesday] = "14:00-17:00" };
        var hours = new StaffedHours(options, Jakarta);

        Assert.False(hours.IsStaffed(At(1, 9)));
        Assert.True(hours.IsStaffed(At(1, 15)));
        Assert.Equal(At(1, 14), hours.NextOpening(At(1, 9)));
    }

    [Fact]
    public void Without_staffed_hours_people_answer_around_the_clock()
    {
        var hours = new StaffedHours(new HandoffOptions(), Jakarta);

        Assert.True(hours.AroundTheClock);
        Assert.True(hours.IsStaffed(At(6, 3)));
    }

    [Theory]
    [InlineData("08:00")]
    [InlineData("17:00-08:00")]
    [InlineData("8-5")]
    public void A_range_that_is_not_one_is_refused(string text) =>
        Assert.ThrowsAny<FormatException>(() => StaffedHours.Parse(text));
}
