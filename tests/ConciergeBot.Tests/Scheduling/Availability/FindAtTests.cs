using ConciergeBot.Scheduling.Availability;
using static ConciergeBot.Tests.Scheduling.Availability.ScheduleBuilder;

namespace ConciergeBot.Tests.Scheduling.Availability;

/// <summary>Whether one exact start is free.</summary>
public sealed class FindAtTests
{
    private static readonly SlotFinder Finder = new(new SlotRules(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(60)));
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7));

    private static readonly ScheduleBuilder Day = new ScheduleBuilder(Jakarta)
        .Resource(Ani, "09:00-17:00", breaks: "12:00-13:00")
        .Busy(Ani, "2026-12-01 14:00", "2026-12-01 15:00");

    [Theory]
    [InlineData("2026-12-01 09:00", true)]
    [InlineData("2026-12-01 10:15", true)]
    [InlineData("2026-12-01 11:07", false)]
    [InlineData("2026-12-01 11:00", true)]
    [InlineData("2026-12-01 11:30", false)]
    [InlineData("2026-12-01 13:00", true)]
    [InlineData("2026-12-01 13:30", false)]
    [InlineData("2026-12-01 15:00", true)]
    [InlineData("2026-12-01 16:00", true)]
    [InlineData("2026-12-01 16:01", false)]
    [InlineData("2026-12-01 08:45", false)]
    [InlineData("2026-12-01 17:00", false)]
    [InlineData("2026-11-30 09:00", false)]
    public void An_exact_start_is_free_when_an_hour_fits_in_the_hours_and_clear_of_busy_time_even_off_the_grid(string start, bool free)
    {
        var at = Day.At(start);

        var slot = Finder.FindAt(Day.Build(), new SlotRequest(Service(60), Now), at);

        Assert.Equal(free, slot is not null);
        if (slot is not null)
        {
            Assert.Equal(new Slot(Ani, at, at.AddHours(1)), slot);
            Assert.Equal(TimeSpan.FromHours(7), slot.Start.Offset);
        }
    }

    [Fact]
    public void A_start_given_in_another_offset_comes_back_in_the_business_offset()
    {
        var slot = Finder.FindAt(Day.Build(), new SlotRequest(Service(60), Now), DateTimeOffset.Parse("2026-12-01T03:15:00Z", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("2026-12-01T10:15:00+07:00", slot?.Start.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }
}
