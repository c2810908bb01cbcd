using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ConciergeBot.Scheduling;
using ConciergeBot.Scheduling.Availability;

namespace ConciergeBot.Benchmarks;

/// <summary>
/// Slot search on a busy calendar: 90 days, 20 resources (each performing four of five services, Monday to
/// Saturday 08:00–17:00 with a lunch break, a business holiday), 5,000 appointments and a few holds.
/// "Cold" runs include preparing the snapshot (grouping and sorting busy times), which the finder
/// otherwise does once per snapshot.
/// <code>dotnet run -c Release --project tests/ConciergeBot.Benchmarks -- slots</code>
/// </summary>
[MemoryDiagnoser]
public class SlotSearchBenchmarks
{
    private const int Days = 90;
    private const int ResourceCount = 20;
    private const int AppointmentCount = 5_000;

    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 0, 0, 0, TimeSpan.FromHours(7));

    private readonly SlotFinder _finder = new(new SlotRules(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(Days + 10)));
    private ScheduleSnapshot _snapshot = null!;
    private SlotRequest _request = null!;
    private SlotRequest _moving = null!;
    private DateTimeOffset _busyTarget;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var services = Enumerable.Range(1, 5).Select(i => new ServiceTiming(Id(0xA0 + i), TimeSpan.FromMinutes(30 * ((i % 3) + 1)), TimeSpan.FromMinutes(i % 2 * 10), TimeSpan.FromMinutes(i % 2 * 15))).ToArray();
        var resources = Enumerable.Range(0, ResourceCount).Select(i => Calendar(Id(i + 1), services.Where((_, s) => s != i % services.Length).Select(s => s.ServiceId))).ToArray();
        var holiday = new ScheduleOverride { Date = DateOnly.FromDateTime(Start.AddDays(17).DateTime), Reason = "holiday" };

        var busy = new List<BusyTime>(AppointmentCount + 20);
        var perResource = resources.Select(_ => new List<(DateTimeOffset Start, DateTimeOffset End)>()).ToArray();
        while (busy.Count < AppointmentCount)
        {
            var r = random.Next(ResourceCount);
            var day = Start.AddDays(random.Next(Days));
            if (day.DayOfWeek == DayOfWeek.Sunday)
            {
                continue;
            }

            var service = services[random.Next(services.Length)];
            var start = day.AddHours(8).AddMinutes(30 * random.Next(18));
            var blocked = (Start: start - service.BufferBefore, End: start + service.Duration + service.BufferAfter);
            if (perResource[r].Exists(b => b.Start < blocked.End && blocked.Start < b.End))
            {
                continue;
            }

            perResource[r].Add(blocked);
            busy.Add(new BusyTime(resources[r].ResourceId, blocked.Start, blocked.End, AppointmentId: Guid.NewGuid()));
        }

        for (var i = 0; i < 20; i++)
        {
            var start = Start.AddDays(random.Next(Days)).AddHours(13);
            busy.Add(new BusyTime(resources[i].ResourceId, start, start.AddHours(1), Holder: $"conversation-{i}"));
        }

        _snapshot = new ScheduleSnapshot(Jakarta, resources, [holiday], busy);
        _request = new SlotRequest(services[1], Start, PreferredResourceId: resources[3].ResourceId);
        var target = busy[AppointmentCount / 2];
        _busyTarget = target.Start.AddMinutes(15);
        _moving = _request with { MovingAppointmentId = busy[AppointmentCount / 3].AppointmentId, Holder = "conversation-3" };

        Console.WriteLine($"{FreeSlots90Days()} free slots in 90 days; nearest: {string.Join(", ", Nearest().Select(s => s.Start.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    [Benchmark]
    public int FreeSlots90Days() => _finder.FreeSlots(_snapshot, _request, Start, Start.AddDays(Days)).Count();

    [Benchmark]
    public int FreeSlots90DaysCold() => _finder.FreeSlots(_snapshot with { }, _request, Start, Start.AddDays(Days)).Count();

    [Benchmark]
    public Slot? FirstFreeSlot() => _finder.FreeSlots(_snapshot, _request, Start, Start.AddDays(Days)).FirstOrDefault();

    [Benchmark]
    public Slot? FindAt() => _finder.FindAt(_snapshot, _request, _busyTarget);

    [Benchmark]
    public IReadOnlyList<Slot> Nearest() => _finder.Nearest(_snapshot, _request, _busyTarget, 3);

    [Benchmark]
    public IReadOnlyList<Slot> NearestWhileMoving() => _finder.Nearest(_snapshot, _moving, _busyTarget, 3);

    [Benchmark]
    public IReadOnlyList<Slot> BestInWindowOneWeek() => _finder.BestInWindow(_snapshot, _request, Start.AddDays(28), Start.AddDays(35), 3);

    [Benchmark]
    public IReadOnlyList<Slot> BestInWindowOneWeekCold() => _finder.BestInWindow(_snapshot with { }, _request, Start.AddDays(28), Start.AddDays(35), 3);

    public static void Run(string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10));
        BenchmarkRunner.Run<SlotSearchBenchmarks>(config, args);
    }

    private static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    private static ResourceCalendar Calendar(Guid id, IEnumerable<Guid> services)
    {
        var hours = Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday)
            .Select(d => new WeeklyHours { ResourceId = id, Day = d, Opens = new(8, 0), Closes = new(17, 0) }).ToArray();
        WeeklyBreak[] lunch = [new() { ResourceId = id, Start = new(12, 0), End = new(13, 0) }];
        return new ResourceCalendar(id, services.ToHashSet(), hours, lunch, []);
    }
}
