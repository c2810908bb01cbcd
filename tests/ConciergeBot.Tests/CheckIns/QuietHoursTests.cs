using ConciergeBot.CheckIns;
using ConciergeBot.Conversations;
using ConciergeBot.Language;

namespace ConciergeBot.Tests.CheckIns;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    [Theory]
    [InlineData("2026-12-01T02:00", "2026-12-01T08:00")]
    [InlineData("2026-12-01T21:00", "2026-12-02T08:00")]
    [InlineData("2026-12-01T23:59", "2026-12-02T08:00")]
    [InlineData("2026-12-01T07:59", "2026-12-01T08:00")]
    [InlineData("2026-12-01T08:00", "2026-12-01T08:00")]
    [InlineData("2026-12-01T20:59", "2026-12-01T20:59")]
    public void A_message_due_at_night_waits_for_the_morning(string due, string expected)
    {
        var quiet = QuietHours.Parse("21:00-08:00");
        var at = new DateTimeOffset(DateTime.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Wib);
        Assert.Equal(new DateTimeOffset(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Wib), quiet.NextAllowed(at, Jakarta));
    }

    [Fact]
    public void Quiet_hours_within_a_day_and_none_at_all()
    {
        var lunch = QuietHours.Parse("12:00-13:00");
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 13, 0, 0, Wib), lunch.NextAllowed(new DateTimeOffset(2026, 12, 1, 12, 30, 0, Wib), Jakarta));
        var never = QuietHours.Parse("");
        Assert.False(never.Contains(new DateTimeOffset(2026, 12, 1, 3, 0, 0, Wib), Jakarta));
        Assert.Throws<FormatException>(() => QuietHours.Parse("9pm to 8am"));
    }

    [Theory]
    [InlineData("whatsapp", 23, true)]
    [InlineData("whatsapp", 25, false)]
    [InlineData("telegram", 500, true)]
    public void Only_WhatsApp_closes_its_window_for_free_messages_after_24_hours(string channel, int hoursSince, bool allowed)
    {
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, Wib);
        Assert.Equal(allowed, ChannelWindow.AllowsFreeForm(channel, now.AddHours(-hoursSince), now));
    }

    [Theory]
    [InlineData("STOP", Subscription.OptOut)]
    [InlineData("stop!", Subscription.OptOut)]
    [InlineData("Berhenti", Subscription.OptOut)]
    [InlineData("unsubscribe", Subscription.OptOut)]
    [InlineData("START", Subscription.OptIn)]
    [InlineData("mulai", Subscription.OptIn)]
    [InlineData("stop the noise in my engine", null)]
    [InlineData("mulai jam berapa?", null)]
    public void Opt_out_and_back_in_are_whole_messages(string text, Subscription? expected)
    {
        Assert.Equal(expected, OptOutRecognizer.Recognize(text));
    }
}
