using ConciergeBot.Language;

namespace ConciergeBot.Tests.Language;

public sealed class NumericDateTimeResolverTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly NumericDateTimeResolver Resolver = new();

    // Tuesday 1 December 2026, 23:30 in Jakarta: still 16:30 in UTC.
    private static readonly DateTimeOffset LateEvening = new(2026, 12, 1, 23, 30, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData("5/12 14.00", "2026-12-05T14:00:00+07:00")]
    [InlineData("tgl 5/12 jam 10:30", "2026-12-05T10:30:00+07:00")]
    [InlineData("2027-01-15 09:00", "2027-01-15T09:00:00+07:00")]
    [InlineData("5/12/2026 16.00", "2026-12-05T16:00:00+07:00")]
    public void A_date_and_time_is_one_point_in_the_business_time_zone(string text, string expected)
    {
        var only = Assert.Single(Resolver.Recognize(text, LateEvening, Jakarta, "id").Candidates);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), only.Start);
        Assert.False(only.IsWindow);
    }

    [Fact]
    public void A_bare_date_is_the_whole_day_as_a_window()
    {
        var day = Assert.Single(Resolver.Recognize("3/12", LateEvening, Jakarta, "id").Candidates);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.FromHours(7)), day.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.FromHours(7)), day.End);
    }

    [Fact]
    public void A_date_without_a_year_that_has_passed_means_next_year()
    {
        var day = Assert.Single(Resolver.Recognize("20/11", LateEvening, Jakarta, "en").Candidates);
        Assert.Equal(2027, day.Start.Year);
    }

    [Fact]
    public void A_bare_time_already_past_today_in_the_business_zone_means_tomorrow()
    {
        var at = Assert.Single(Resolver.Recognize("10:00", LateEvening, Jakarta, "en").Candidates);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(7)), at.Start);
    }

    [Fact]
    public void A_wall_time_skipped_by_daylight_saving_moves_to_one_that_exists()
    {
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var at = Assert.Single(Resolver.Recognize("2027-03-28 02:30", LateEvening, amsterdam, "en").Candidates);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 30, 0, TimeSpan.FromHours(2)), at.Start);
    }

    [Theory]
    [InlineData("tomorrow afternoon")]
    [InlineData("31/2")]
    [InlineData("25:00")]
    [InlineData("")]
    public void What_it_cannot_read_gives_no_reading(string text)
    {
        Assert.True(Resolver.Recognize(text, LateEvening, Jakarta, "en").IsEmpty);
    }
}
