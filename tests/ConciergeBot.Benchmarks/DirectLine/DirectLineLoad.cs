using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace ConciergeBot.Benchmarks.DirectLine;

/// <summary>
/// The <c>directline</c> verb: the real host in its own process on its own SQLite file, and, per
/// level, that many web visitors at once, each on a real Direct Line conversation (token, start,
/// WebSocket stream) walking the reschedule dialog again and again with an appointment of their own.
/// </summary>
internal static class DirectLineLoad
{
    /// <summary>Conversations opened at once while a level connects.</summary>
    private const int ConnectingAtOnce = 16;

    public static async Task<int> RunAsync(DirectLineLoadSettings settings)
    {
#if DEBUG
        Console.WriteLine("WARNING: a Debug build; the figures mean little. Use -c Release.");
#endif
        Console.WriteLine($"ConciergeBot Direct Line load: {Environment.ProcessorCount} cores shared by the host and this client, {RuntimeInformation.FrameworkDescription}, "
            + $"{RuntimeInformation.OSDescription}");
        Console.WriteLine($"levels {string.Join(", ", settings.Levels)} conversation(s), {settings.WarmUp.TotalSeconds:0} s warm-up + {settings.Duration.TotalSeconds:0} s measured each, "
            + $"after warming the host up (at most {settings.HostWarmUp.TotalSeconds:0} s)"
            + (settings.CancelOnly ? "; every message is \"cancel\" (the channel's and the pipeline's floor), not the reschedule walk" : ""));

        var started = Stopwatch.GetTimestamp();
        await using var host = await HostProcess.StartAsync(CancellationToken.None);
        Console.WriteLine($"host: pid {host.Id} on {host.BaseAddress} (started in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s), "
            + $"{HostProcess.AppFolder}ConciergeBot.dll, database and log in {host.Folder}");

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = host.BaseAddress,
            Timeout = DirectLineClient.ReplyTimeout,
        };
        var zone = BusinessZone();
        var (customers, replaced) = await LoadAppointments.SeedAsync(http, host.AdminKey, Math.Max(settings.Levels.Max(), DirectLineReport.TargetConversations), zone, CancellationToken.None);
        Console.WriteLine($"seeded {customers.Count} appointments by import ({customers[0].Reference} ... {customers[^1].Reference}; "
            + $"{replaced} row(s) that overlapped a demo booking placed again)");
        host.ResetLogCounts();
        var wording = BotWording.Load(Path.Combine(HostProcess.AppFolder, "locales", "en.json"));
        Console.WriteLine();

        if (settings.HostWarmUp > TimeSpan.Zero)
        {
            await WarmUpHostAsync(host, http, customers, wording, zone, settings);
        }

        var results = new List<LevelResult>();
        for (var level = 0; level < settings.Levels.Count; level++)
        {
            var result = await RunLevelAsync(host, http, customers, wording, zone, settings.Levels[level], settings.WarmUp, settings.Duration, level + 1, settings.CancelOnly);
            DirectLineReport.PrintLevel(result);
            results.Add(result);
            Console.WriteLine();
        }

        DirectLineReport.PrintTable(results);
        if (host.Warnings + host.Errors > 0)
        {
            Console.WriteLine($"host log after seeding: {host.Warnings} warning(s), {host.Errors} error(s), kept in {host.LogFile}; the first:");
            foreach (var line in host.FirstProblems)
            {
                Console.WriteLine($"  {line}");
            }
        }

        Console.WriteLine($"(whole run {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)");
        return results.Any(r => r.Errors > 0 || r.Load.GaveUp.Count > 0) || host.Errors > 0 ? 2 : 0;
    }

    /// <param name="round">Numbers the conversations' users and seeds their random times; 0 is the host's warm-up.</param>
    private static async Task<LevelResult> RunLevelAsync(
        HostProcess host, HttpClient http, IReadOnlyList<LoadCustomer> customers, BotWording wording, TimeZoneInfo zone,
        int count, TimeSpan warmUp, TimeSpan duration, int round, bool cancelOnly)
    {
        Console.WriteLine($"{count} conversation(s): opening them (token, start, WebSocket) ...");
        var clients = await ConnectAsync(http, count, round);
        var movesBefore = await HostMovesAsync(http, host, zone);
        var (warnings, errors) = (host.Warnings, host.Errors);
        var now = Stopwatch.GetTimestamp();
        var measureFrom = now + Ticks(warmUp);
        var stopAt = measureFrom + Ticks(duration);
        var recorder = new LoadRecorder(measureFrom);
        try
        {
            Console.WriteLine($"  walking: {warmUp.TotalSeconds:0} s warm-up, then {duration.TotalSeconds:0} s measured");
            var walkers = clients.Select((client, i) =>
            {
                var walker = new RescheduleWalker(client, customers[i], wording, recorder, zone, new Random((round * 10_000) + i), cancelOnly);
                return Task.Run(() => walker.RunAsync(() => Stopwatch.GetTimestamp() < stopAt));
            }).ToArray();

            var warmUpLeft = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureFrom);
            if (warmUpLeft > TimeSpan.Zero)
            {
                await Task.Delay(warmUpLeft);
            }

            var hostCpu = host.CpuTime;
            var clientCpu = Environment.CpuUsage.TotalTime;
            var perLevelPeak = host.ResetPeakMemory();
            var machine = ProcessUsage.MachineJiffies();
            var cpuFrom = Stopwatch.GetTimestamp();

            await Task.WhenAll(walkers);
            var cpuSeconds = Stopwatch.GetElapsedTime(cpuFrom).TotalSeconds;
            hostCpu = host.CpuTime - hostCpu;
            clientCpu = Environment.CpuUsage.TotalTime - clientCpu;
            var machineNow = ProcessUsage.MachineJiffies();
            var machineBusy = machineNow.Total > machine.Total ? (machineNow.Busy - machine.Busy) / (double)(machineNow.Total - machine.Total) : double.NaN;
            var peak = host.PeakMemory();
            var load = recorder.Snapshot();
            var lastReply = load.Turns.Where(t => t.Replies.Count > 0).Select(t => t.LastReplyAt).DefaultIfEmpty(stopAt).Max();
            var seconds = Math.Max(lastReply - measureFrom, 1) / (double)Stopwatch.Frequency;
            return new LevelResult(count, load, seconds, await HostMovesAsync(http, host, zone) - movesBefore, peak, perLevelPeak, hostCpu, clientCpu, cpuSeconds, machineBusy,
                host.Warnings - warnings, host.Errors - errors, host.DatabaseSizes());
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    /// <summary>
    /// Tiered compilation keeps re-compiling hot code for a minute or more of traffic on two busy
    /// cores (EF Core, the recognizers and ASP.NET Core are a lot of code); a long-running host is past
    /// that, so the levels should be too. Walks until the compiler thread has been nearly idle for a
    /// while (or, where that cannot be seen, for the whole --host-warmup), at most --host-warmup.
    /// </summary>
    private static async Task WarmUpHostAsync(
        HostProcess host, HttpClient http, IReadOnlyList<LoadCustomer> customers, BotWording wording, TimeZoneInfo zone, DirectLineLoadSettings settings)
    {
        var window = TimeSpan.FromSeconds(5);
        // As many as the targets are stated for, whatever the levels: enough traffic to get the hot code compiled.
        var count = DirectLineReport.TargetConversations;
        Console.WriteLine($"warming the host up (not measured): {count} conversation(s) walking until its JIT compiler settles, at most {settings.HostWarmUp.TotalSeconds:0} s");
        var clients = await ConnectAsync(http, count, round: 0);
        var settled = 0;
        var recorder = new LoadRecorder(Stopwatch.GetTimestamp());
        try
        {
            var walkers = clients.Select((client, i) =>
            {
                var walker = new RescheduleWalker(client, customers[i], wording, recorder, zone, new Random(i), settings.CancelOnly);
                return Task.Run(() => walker.RunAsync(() => Volatile.Read(ref settled) == 0));
            }).ToArray();

            var started = Stopwatch.GetTimestamp();
            var compiled = host.CompilerCpuTime();
            var quietWindows = 0;
            while (Stopwatch.GetElapsedTime(started) < settings.HostWarmUp)
            {
                await Task.Delay(window);
                var now = host.CompilerCpuTime();
                var share = now - compiled;
                compiled = now;
                var turns = recorder.Snapshot().Turns.Count;
                Console.WriteLine($"  {Stopwatch.GetElapsedTime(started).TotalSeconds,4:0} s: {turns:N0} turns so far; "
                    + (share is { } busy ? $"JIT compiler {busy / window:P0} of a core" : "JIT compiler not visible"));

                // Two quiet windows in a row: one can be a lull between bursts of re-compilation.
                quietWindows = share is { } compiling && compiling / window < 0.03 ? quietWindows + 1 : 0;
                if (quietWindows >= 2)
                {
                    break;
                }
            }

            Volatile.Write(ref settled, 1);
            await Task.WhenAll(walkers);
            var load = recorder.Snapshot();
            Console.WriteLine($"  warm after {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s{(quietWindows >= 2 ? "" : " (the compiler had not settled yet)")}, "
                + $"{load.Turns.Count:N0} turns, {load.Errors} error(s)");
            Console.WriteLine();
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static async Task<DirectLineClient[]> ConnectAsync(HttpClient http, int count, int round)
    {
        using var gate = new SemaphoreSlim(ConnectingAtOnce);
        var connecting = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await DirectLineClient.StartAsync(http, $"load-{round}-{i + 1}", CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();

        try
        {
            return await Task.WhenAll(connecting);
        }
        catch
        {
            await Task.WhenAll(connecting.Where(c => c.IsCompletedSuccessfully).Select(c => c.Result.DisposeAsync().AsTask()));
            throw;
        }
    }

    /// <summary>The moves the host itself recorded (the admin API's reschedule report), to check the walks' "Done!" against.</summary>
    private static async Task<int> HostMovesAsync(HttpClient http, HostProcess host, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/api/admin/reschedules?from={today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        request.Headers.Add("X-Admin-Key", host.AdminKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["total"]!.GetValue<int>();
    }

    /// <summary>The business's time zone from the host's own appsettings.json: the walks' dates are its calendar days.</summary>
    private static TimeZoneInfo BusinessZone()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(HostProcess.AppFolder, "appsettings.json")));
        return TimeZoneInfo.FindSystemTimeZoneById(settings?["Business"]?["TimeZone"]?.GetValue<string>() ?? "Asia/Jakarta");
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
