using ConciergeBot.Scheduling.Availability;
using static ConciergeBot.Tests.Scheduling.Availability.ScheduleBuilder;

namespace ConciergeBot.Tests.Scheduling.Availability;

/// <summary>
/// The full search walks each day with a cursor over the busy times; the exact check searches them
/// afresh. On a random calendar across a DST change they must agree on every grid start.
/// </summary>
public sealed class SearchAgreementTests
{
    private static readonly SlotFinder Finder = new(new SlotRules(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(60)));

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(2, 15, 30)]
    [InlineData(3, 30, 0)]
    public void Every_offered_slot_is_confirmed_and_every_grid_start_left_out_is_refused(int seed, int before, int after)
    {
        var random = new Random(seed);
        var schedule = new ScheduleBuilder(Amsterdam)
            .Resource(Ani, "08:00-12:00,13:00-18:30", breaks: "10:00-10:30")
            .Resource(Budi, "00:00-06:00,20:00-00:00")
            .Resource(Citra, "09:00-17:00", days: [DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday])
            .Override("2026-03-30", "11:00-15:00", Citra);
        var first = schedule.At("2026-03-27T00:00:00Z");
        foreach (var _ in Enumerable.Range(0, 150))
        {
            var resource = new[] { Ani, Budi, Citra }[random.Next(3)];
            var start = first.AddMinutes(15 * random.Next(4 * 24 * 5));
            var busy = start.AddMinutes(15 * random.Next(1, 9));
            schedule.Busy(resource, start.ToString("O"), busy.ToString("O"), appointment: Guid.NewGuid());
        }

        var snapshot = schedule.Build();
        var request = new SlotRequest(Service(60, before, after), schedule.At("2026-03-26T12:00:00Z"));
        var last = first.AddDays(5);
        var offered = Finder.FreeSlots(snapshot, request, first, last).ToHashSet();

        var checkedStarts = 0;
        for (var start = first; start < last; start = start.AddMinutes(30))
        {
            foreach (var resource in new[] { Ani, Budi, Citra })
            {
                var exact = Finder.FindAt(snapshot, request with { ResourceId = resource }, start);
                Assert.Equal(offered.Contains(new Slot(resource, start, start.AddHours(1))), exact is not null);
                checkedStarts++;
            }
        }

        Assert.Equal(3 * 5 * 48, checkedStarts);
        Assert.NotEmpty(offered);
    }
}
