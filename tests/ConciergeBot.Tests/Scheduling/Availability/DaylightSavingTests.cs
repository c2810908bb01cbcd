using System.Globalization;
using ConciergeBot.Scheduling.Availability;
using static ConciergeBot.Tests.Scheduling.Availability.ScheduleBuilder;

namespace ConciergeBot.Tests.Scheduling.Availability;

/// <summary>
/// Slots are wall-clock times in the business's zone: 09:00 stays 09:00 on both sides of a DST change,
/// a skipped wall time is never offered, and a repeated one is offered once (its second occurrence).
/// </summary>
public sealed class DaylightSavingTests
{
    private static readonly SlotFinder Finder = new(new SlotRules(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(60)));
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string, string> OpeningAroundChanges => new()
    {
        // zone, date, first start, last start (local, with offset), first start in UTC
        { "Europe/Amsterdam", "2026-03-28", "09:00+01:00", "16:30+01:00", "08:00Z" },
        { "Europe/Amsterdam", "2026-03-29", "09:00+02:00", "16:30+02:00", "07:00Z" },
        { "Europe/Amsterdam", "2026-03-30", "09:00+02:00", "16:30+02:00", "07:00Z" },
        { "Europe/Amsterdam", "2026-10-24", "09:00+02:00", "16:30+02:00", "07:00Z" },
        { "Europe/Amsterdam", "2026-10-25", "09:00+01:00", "16:30+01:00", "08:00Z" },
        { "America/New_York", "2026-03-07", "09:00-05:00", "16:30-05:00", "14:00Z" },
        { "America/New_York", "2026-03-08", "09:00-04:00", "16:30-04:00", "13:00Z" },
        { "America/New_York", "2026-11-01", "09:00-05:00", "16:30-05:00", "14:00Z" },
        { "Asia/Jakarta", "2026-03-29", "09:00+07:00", "16:30+07:00", "02:00Z" },
        { "Asia/Jakarta", "2026-10-25", "09:00+07:00", "16:30+07:00", "02:00Z" },
    };

    [Theory]
    [MemberData(nameof(OpeningAroundChanges))]
    public void Opening_hours_are_local_wall_times_on_both_sides_of_a_change(string zone, string date, string first, string last, string firstUtc)
    {
        var schedule = new ScheduleBuilder(TimeZoneInfo.FindSystemTimeZoneById(zone)).Resource(Ani, "09:00-17:00");
        var now = schedule.At($"{date} 00:00").AddDays(-7);

        var slots = Finder.FreeSlots(schedule.Build(), new SlotRequest(Service(30), now), schedule.At($"{date} 00:00"), schedule.At($"{date} 23:00")).ToList();

        Assert.Equal(16, slots.Count);
        Assert.Equal(first, Offset(slots[0]));
        Assert.Equal(last, Offset(slots[^1]));
        Assert.Equal(firstUtc, slots[0].Start.UtcDateTime.ToString("HH:mm'Z'", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_night_shift_through_the_spring_change_skips_the_missing_hour()
    {
        var schedule = new ScheduleBuilder(Amsterdam).Resource(Ani, "00:00-06:00");

        var slots = Finder.FreeSlots(schedule.Build(), new SlotRequest(Service(30), Now), schedule.At("2026-03-29 00:00"), schedule.At("2026-03-29 12:00")).ToList();

        Assert.Equal(
            "00:00+01:00 00:30+01:00 01:00+01:00 01:30+01:00 03:00+02:00 03:30+02:00 04:00+02:00 04:30+02:00 05:00+02:00 05:30+02:00",
            string.Join(' ', slots.Select(Offset)));

        // Ten starts half an hour of real time apart: the clock jump costs no slot and makes none up.
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromMinutes(30), 9), slots.Zip(slots.Skip(1), (a, b) => b.Start - a.Start));
    }

    [Fact]
    public void A_slot_across_the_spring_change_lasts_its_real_duration()
    {
        var schedule = new ScheduleBuilder(Amsterdam).Resource(Ani, "00:00-06:00");

        var slots = Finder.FreeSlots(schedule.Build(), new SlotRequest(Service(60), Now), schedule.At("2026-03-29 00:00"), schedule.At("2026-03-29 12:00")).ToList();

        var across = Assert.Single(slots, s => Offset(s) == "01:30+01:00");
        Assert.Equal("2026-03-29T03:30:00+02:00", Iso(across.End));
        Assert.Equal("05:00+02:00", Offset(slots[^1]));
        Assert.Equal(9, slots.Count);
    }

    [Fact]
    public void A_night_shift_through_the_autumn_change_offers_each_repeated_time_once()
    {
        var schedule = new ScheduleBuilder(Amsterdam).Resource(Ani, "00:00-06:00");
        var now = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

        var slots = Finder.FreeSlots(schedule.Build(), new SlotRequest(Service(30), now), schedule.At("2026-10-24T22:00:00Z"), schedule.At("2026-10-25T12:00:00Z")).ToList();

        Assert.Equal(
            "00:00+02:00 00:30+02:00 01:00+02:00 01:30+02:00 02:00+01:00 02:30+01:00 03:00+01:00 03:30+01:00 04:00+01:00 04:30+01:00 05:00+01:00 05:30+01:00",
            string.Join(' ', slots.Select(Offset)));
        Assert.Equal(slots.Count, slots.Select(s => s.Start.UtcTicks).Distinct().Count());
        Assert.True(slots.Zip(slots.Skip(1)).All(pair => pair.First.Start < pair.Second.Start));
    }

    [Theory]
    [InlineData("2026-10-25T02:30:00+02:00")]
    [InlineData("2026-10-25T02:30:00+01:00")]
    public void Either_occurrence_of_a_repeated_time_can_be_taken_exactly(string start)
    {
        var schedule = new ScheduleBuilder(Amsterdam).Resource(Ani, "00:00-06:00");
        var now = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var at = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);

        var slot = Finder.FindAt(schedule.Build(), new SlotRequest(Service(30), now), at);

        Assert.Equal(start, slot is null ? null : Iso(slot.Start));
    }

    [Fact]
    public void An_opening_time_skipped_by_the_clocks_opens_at_the_change()
    {
        var schedule = new ScheduleBuilder(Amsterdam).Resource(Ani, "02:30-05:00");

        var slots = Finder.FreeSlots(schedule.Build(), new SlotRequest(Service(30), Now), schedule.At("2026-03-29 00:00"), schedule.At("2026-03-29 12:00"));

        Assert.Equal("03:00+02:00 03:30+02:00 04:00+02:00 04:30+02:00", string.Join(' ', slots.Select(Offset)));
    }

    [Fact]
    public void Busy_time_is_compared_as_instants_across_the_change()
    {
        // 01:00Z–02:00Z on 29 March is 03:00–04:00 summer time.
        var schedule = new ScheduleBuilder(Amsterdam).Resource(Ani, "00:00-06:00").Busy(Ani, "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z");

        var slots = Finder.FreeSlots(schedule.Build(), new SlotRequest(Service(30), Now), schedule.At("2026-03-29 00:00"), schedule.At("2026-03-29 12:00"));

        Assert.Equal("00:00 00:30 01:00 01:30 04:00 04:30 05:00 05:30", string.Join(' ', slots.Select(Clock)));
    }

    private static string Offset(Slot slot) => slot.Start.ToString("HH:mmzzz", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
