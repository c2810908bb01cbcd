using ConciergeBot.Handoff;

namespace ConciergeBot.Tests.Handoff;

public sealed class WaitEstimateTests
{
    private static readonly TimeSpan[] TenMinutesFiveTimes = [.. Enumerable.Repeat(TimeSpan.FromMinutes(10), 5)];

    [Fact]
    public void No_figure_without_enough_history_or_without_anyone_online()
    {
        Assert.Null(WaitEstimate.For(2, 0, 2, TenMinutesFiveTimes[..4], minimumHistory: 5));
        Assert.Null(WaitEstimate.For(2, 0, 0, TenMinutesFiveTimes, minimumHistory: 5));
    }

    [Fact]
    public void A_free_seat_means_no_wait()
    {
        Assert.Equal(TimeSpan.Zero, WaitEstimate.For(1, 2, 4, TenMinutesFiveTimes, minimumHistory: 5));
    }

    [Fact]
    public void Each_customer_ahead_beyond_the_free_seats_costs_a_handling_time_shared_by_the_seats()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), WaitEstimate.For(2, 0, 1, TenMinutesFiveTimes, minimumHistory: 5));
        Assert.Equal(TimeSpan.FromMinutes(15), WaitEstimate.For(2, 0, 2, TenMinutesFiveTimes, minimumHistory: 5));
    }

    [Theory]
    [InlineData(0.2, 1)]
    [InlineData(7, 7)]
    [InlineData(11, 15)]
    [InlineData(31, 35)]
    public void Minutes_are_told_rounded_up(double minutes, int told) =>
        Assert.Equal(told, WaitEstimate.Minutes(TimeSpan.FromMinutes(minutes)));
}
