using System.Diagnostics;
using System.Globalization;

namespace ConciergeBot.Benchmarks;

/// <summary>What this process (host and load generator together), and the machine as a whole, used over a stretch of time.</summary>
internal readonly record struct ProcessUsage(long Timestamp, TimeSpan Cpu, long Allocated, int Gen0, int Gen1, int Gen2, long MachineBusy, long MachineTotal)
{
    public static ProcessUsage Now()
    {
        using var process = Process.GetCurrentProcess();
        var (busy, total) = MachineJiffies();
        return new ProcessUsage(Stopwatch.GetTimestamp(), process.TotalProcessorTime, GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), busy, total);
    }

    public string Since(ProcessUsage start, long turns)
    {
        var wall = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp);
        var cpu = Cpu - start.Cpu;
        var per = Math.Max(turns, 1);
        var ours = cpu.TotalSeconds / wall.TotalSeconds / Environment.ProcessorCount;
        var text = $"CPU {cpu.TotalMilliseconds / per:0.00} ms per turn ({ours:P0} of {Environment.ProcessorCount} cores), "
            + $"{(Allocated - start.Allocated) / per / 1024.0:N0} KB allocated per turn, GCs gen0/1/2 {Gen0 - start.Gen0}/{Gen1 - start.Gen1}/{Gen2 - start.Gen2}";
        if (MachineTotal > start.MachineTotal)
        {
            var machine = (MachineBusy - start.MachineBusy) / (double)(MachineTotal - start.MachineTotal);
            var others = machine - ours;
            if (others > 0.05)
            {
                text += $"{Environment.NewLine}  WARNING: other processes kept {others:P0} of the machine busy meanwhile; these figures are low.";
            }
        }

        return text;
    }

    /// <summary>Busy and total CPU time of the whole machine from /proc/stat (Linux), or zeros.</summary>
    internal static (long Busy, long Total) MachineJiffies()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            if (line is null)
            {
                return (0, 0);
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Sum();
            var idle = fields[3] + fields[4];
            return (total - idle, total);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (0, 0);
        }
    }
}
