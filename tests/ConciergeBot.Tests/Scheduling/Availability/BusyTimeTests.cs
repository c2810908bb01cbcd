using ConciergeBot.Scheduling.Availability;
using static ConciergeBot.Tests.Scheduling.Availability.ScheduleBuilder;
using static ConciergeBot.Tests.Scheduling.Availability.WorkingHoursTests;

namespace ConciergeBot.Tests.Scheduling.Availability;

public sealed class BusyTimeTests
{
    private static readonly SlotFinder Finder = new(new SlotRules(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(60)));
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly Guid Moving = new("00000000-0000-0000-0000-00000000beef");

    [Theory]
    [InlineData(30, 0, 0, "09:00 09:30 11:00 11:30")]
    [InlineData(30, 0, 15, "09:00 11:00 11:30")]
    [InlineData(30, 15, 0, "09:00 09:30 11:30")]
    [InlineData(30, 30, 30, "09:00 11:30")]
    [InlineData(60, 0, 0, "09:00 11:00")]
    public void The_buffers_of_the_candidate_keep_it_clear_of_busy_time(int minutes, int before, int after, string expected)
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-12:00").Busy(Ani, "2026-12-01 10:00", "2026-12-01 11:00").Build();

        var slots = Finder.FreeSlots(schedule, new SlotRequest(Service(minutes, before, after), Now), Day("2026-12-01"), Day("2026-12-02"));

        Assert.Equal(expected, string.Join(' ', slots.Select(Clock)));
    }

    [Fact]
    public void The_buffers_of_an_existing_appointment_are_part_of_its_busy_time()
    {
        // A 10:00-11:00 appointment with 15 minutes before and after blocks 09:45-11:15.
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-12:00").Busy(Ani, "2026-12-01 09:45", "2026-12-01 11:15").Build();

        var slots = Finder.FreeSlots(schedule, new SlotRequest(Service(30), Now), Day("2026-12-01"), Day("2026-12-02"));

        Assert.Equal("09:00 11:30", string.Join(' ', slots.Select(Clock)));
    }

    [Fact]
    public void Buffers_may_reach_outside_the_working_hours()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-10:00").Build();

        var slots = Finder.FreeSlots(schedule, new SlotRequest(Service(60, before: 15, after: 15), Now), Day("2026-12-01"), Day("2026-12-02"));

        Assert.Equal("09:00", string.Join(' ', slots.Select(Clock)));
    }

    [Fact]
    public void Busy_time_on_another_resource_does_not_block()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-10:00").Resource(Budi, "09:00-10:00")
            .Busy(Budi, "2026-12-01 09:00", "2026-12-01 10:00").Build();

        var slots = Finder.FreeSlots(schedule, new SlotRequest(Service(60), Now), Day("2026-12-01"), Day("2026-12-02"));

        Assert.Equal(Ani, Assert.Single(slots).ResourceId);
    }

    [Fact]
    public void Overlapping_busy_times_block_their_whole_span()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-13:00")
            .Busy(Ani, "2026-12-01 09:30", "2026-12-01 11:00")
            .Busy(Ani, "2026-12-01 10:00", "2026-12-01 10:30")
            .Busy(Ani, "2026-12-01 10:45", "2026-12-01 12:00", holder: "someone").Build();

        var slots = Finder.FreeSlots(schedule, new SlotRequest(Service(30), Now), Day("2026-12-01"), Day("2026-12-02"));

        Assert.Equal("09:00 12:00 12:30", string.Join(' ', slots.Select(Clock)));
    }

    [Fact]
    public void The_appointment_being_moved_does_not_block_its_own_new_time()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-12:00")
            .Busy(Ani, "2026-12-01 10:00", "2026-12-01 11:00", appointment: Moving).Build();
        var start = schedule.At("2026-12-01T10:30:00+07:00");

        Assert.Null(Finder.FindAt(schedule, new SlotRequest(Service(60), Now), start));
        var moved = Finder.FindAt(schedule, new SlotRequest(Service(60), Now, MovingAppointmentId: Moving), start);

        Assert.Equal(new Slot(Ani, start, start.AddHours(1)), moved);
    }

    [Fact]
    public void Other_appointments_still_block_a_move()
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-12:00")
            .Busy(Ani, "2026-12-01 10:00", "2026-12-01 11:00", appointment: Moving)
            .Busy(Ani, "2026-12-01 11:00", "2026-12-01 12:00", appointment: Guid.NewGuid()).Build();

        var slots = Finder.FreeSlots(schedule, new SlotRequest(Service(60), Now, MovingAppointmentId: Moving), Day("2026-12-01"), Day("2026-12-02"));

        Assert.Equal("09:00 09:30 10:00", string.Join(' ', slots.Select(Clock)));
    }

    [Theory]
    [InlineData("conversation-1", true)]
    [InlineData("conversation-2", false)]
    [InlineData(null, false)]
    public void Only_the_searching_conversation_sees_through_its_own_hold(string? searcher, bool free)
    {
        var schedule = new ScheduleBuilder(Jakarta).Resource(Ani, "09:00-12:00")
            .Busy(Ani, "2026-12-01 10:00", "2026-12-01 11:00", holder: "conversation-1").Build();

        var slot = Finder.FindAt(schedule, new SlotRequest(Service(60), Now, Holder: searcher), schedule.At("2026-12-01 10:00"));

        Assert.Equal(free, slot is not null);
    }
}
