using ConciergeBot.Scheduling.Availability;
using static ConciergeBot.Tests.Scheduling.Availability.ScheduleBuilder;
using static ConciergeBot.Tests.Scheduling.Availability.WorkingHoursTests;

namespace ConciergeBot.Tests.Scheduling.Availability;

/// <summary>Which resources a search uses and in which order it offers them.</summary>
public sealed class ResourceChoiceTests
{
    private static readonly SlotFinder Finder = new(new SlotRules(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(60)));
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7));

    private static ScheduleBuilder ThreeStylists() => new ScheduleBuilder(Jakarta)
        .Resource(Ani, "09:00-10:00", services: [Haircut])
        .Resource(Budi, "09:00-10:00", services: [Haircut, Colouring])
        .Resource(Citra, "09:00-10:00", services: [Colouring]);

    [Fact]
    public void Only_resources_that_perform_the_service_are_searched()
    {
        var slots = Finder.FreeSlots(ThreeStylists().Build(), new SlotRequest(Service(60, id: Colouring), Now), Day("2026-12-01"), Day("2026-12-02"));

        Assert.Equal([Budi, Citra], slots.Select(s => s.ResourceId));
    }

    [Fact]
    public void Each_free_resource_gets_a_slot_at_one_start_in_snapshot_order()
    {
        var slots = Finder.FreeSlots(ThreeStylists().Build(), new SlotRequest(Service(30), Now), Day("2026-12-01"), Day("2026-12-02"));

        Assert.Equal([(Ani, "09:00"), (Budi, "09:00"), (Ani, "09:30"), (Budi, "09:30")], slots.Select(s => (s.ResourceId, Clock(s))));
    }

    [Fact]
    public void The_preferred_resource_comes_first_at_each_start()
    {
        var request = new SlotRequest(Service(30), Now, PreferredResourceId: Budi);

        var slots = Finder.FreeSlots(ThreeStylists().Build(), request, Day("2026-12-01"), Day("2026-12-02"));

        Assert.Equal([(Budi, "09:00"), (Ani, "09:00"), (Budi, "09:30"), (Ani, "09:30")], slots.Select(s => (s.ResourceId, Clock(s))));
    }

    [Fact]
    public void A_named_resource_is_the_only_one_searched()
    {
        var request = new SlotRequest(Service(30), Now, ResourceId: Budi);

        var slots = Finder.FreeSlots(ThreeStylists().Build(), request, Day("2026-12-01"), Day("2026-12-02"));

        Assert.All(slots, s => Assert.Equal(Budi, s.ResourceId));
        Assert.Equal(2, slots.Count());
    }

    [Fact]
    public void A_named_resource_that_does_not_perform_the_service_has_no_slots()
    {
        var request = new SlotRequest(Service(30), Now, ResourceId: Citra);

        Assert.Empty(Finder.FreeSlots(ThreeStylists().Build(), request, Day("2026-12-01"), Day("2026-12-02")));
    }

    [Fact]
    public void Find_at_takes_the_preferred_resource_when_it_is_free_else_another()
    {
        var stylists = ThreeStylists().Busy(Budi, "2026-12-01 09:30", "2026-12-01 10:00");
        var schedule = stylists.Build();
        var request = new SlotRequest(Service(30), Now, PreferredResourceId: Budi);

        Assert.Equal(Budi, Finder.FindAt(schedule, request, stylists.At("2026-12-01 09:00"))?.ResourceId);
        Assert.Equal(Ani, Finder.FindAt(schedule, request, stylists.At("2026-12-01 09:30"))?.ResourceId);
    }
}
