using ConciergeBot.Admin.Scheduling;

namespace ConciergeBot.Tests.Admin;

/// <summary>How the admin API reads the times people and booking systems write.</summary>
public sealed class BusinessTimeTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    [Theory]
    [InlineData("2026-12-01T09:00:00+07:00", "2026-12-01T02:00:00Z")]
    [InlineData("2026-12-01T09:00+07:00", "2026-12-01T02:00:00Z")]
    [InlineData("2026-12-01T02:00:00Z", "2026-12-01T02:00:00Z")]
    [InlineData("2026-12-01T04:00:00.000+02:00", "2026-12-01T02:00:00Z")]
    [InlineData("2026-12-01T09:00", "2026-12-01T02:00:00Z")]
    [InlineData("2026-12-01T09:00:00", "2026-12-01T02:00:00Z")]
    [InlineData(" 2026-12-01 09:00 ", "2026-12-01T02:00:00Z")]
    public void A_time_with_an_offset_is_an_instant_and_one_without_is_read_in_the_business_zone(string text, string expectedUtc)
    {
        Assert.True(BusinessTime.TryParseInstant(text, Jakarta, out var utc, out var error), error);
        Assert.Equal(DateTime.Parse(expectedUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow at 9")]
    [InlineData("2026-12-01")]
    [InlineData("2026-13-01T09:00")]
    [InlineData("01/12/2026 09:00")]
    [InlineData("2026-12-01T09:00+25:00")]
    public void Anything_else_is_refused_with_what_is_expected(string text)
    {
        Assert.False(BusinessTime.TryParseInstant(text, Jakarta, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void A_local_time_the_clocks_skip_is_refused()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        Assert.False(BusinessTime.TryParseInstant("2027-03-14T02:30", newYork, out _, out var error));
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.True(BusinessTime.TryParseInstant("2027-03-14T02:30-05:00", newYork, out _, out _));
    }

    [Fact]
    public void A_date_as_a_period_bound_covers_the_whole_local_day()
    {
        Assert.True(BusinessTime.TryParseRangeStart("2026-12-01", Jakarta, out var start, out _));
        Assert.True(BusinessTime.TryParseRangeEnd("2026-12-01", Jakarta, out var end, out _));

        Assert.Equal(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc), end);
        Assert.Equal("2026-12-01T00:00:00.0000000+07:00", BusinessTime.ToLocal(start, Jakarta).ToString("O"));
    }

    [Theory]
    [InlineData("monday", DayOfWeek.Monday)]
    [InlineData(" Sunday", DayOfWeek.Sunday)]
    [InlineData("FRI", DayOfWeek.Friday)]
    [InlineData("monday,tuesday", null)]
    [InlineData("1", null)]
    [InlineData("someday", null)]
    [InlineData(null, null)]
    public void Days_are_named_in_full_or_by_three_letters(string? text, DayOfWeek? expected)
    {
        var parsed = BusinessTime.TryParseDay(text, out var day);

        Assert.Equal(expected, parsed ? day : null);
    }
}
