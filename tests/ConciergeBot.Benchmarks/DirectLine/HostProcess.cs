using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace ConciergeBot.Benchmarks.DirectLine;

/// <summary>
/// The real host as a separate process: the Release <c>ConciergeBot.dll</c> that the project
/// reference puts in this benchmark's output folder (with its appsettings.json, locales and nlu),
/// on a free port, with a fresh SQLite file, its own secret and admin key, the limits that would stop
/// a load run raised, and Warning logs written to a file. Measuring it from the outside keeps the
/// client's work out of its CPU and memory figures (the two still share the machine's cores).
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const int LogLinesKept = 8;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly List<string> _firstProblems = [];
    private int _warnings;
    private int _errors;

    private HostProcess(Process process, string folder, Uri baseAddress, string adminKey)
    {
        _process = process;
        Folder = folder;
        BaseAddress = baseAddress;
        AdminKey = adminKey;
        _log = new StreamWriter(LogFile) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Where the host runs from: the dll, appsettings.json, locales, nlu.</summary>
    public static string AppFolder => AppContext.BaseDirectory;

    /// <summary>The temporary folder with the database and the host's log.</summary>
    public string Folder { get; }

    public string LogFile => Path.Combine(Folder, "host.log");

    private string DatabaseFile => Path.Combine(Folder, "load.db");

    /// <summary>The database file and its write-ahead log: the log's file keeps its largest size (up to the host's limit), so it shows whether the log keeps starting again.</summary>
    public (long Database, long Log) DatabaseSizes() => (Size(DatabaseFile), Size(DatabaseFile + "-wal"));

    private static long Size(string file) => File.Exists(file) ? new FileInfo(file).Length : 0;

    public Uri BaseAddress { get; }

    public string AdminKey { get; }

    public int Id => _process.Id;

    public int Warnings => Volatile.Read(ref _warnings);

    public int Errors => Volatile.Read(ref _errors);

    public IReadOnlyList<string> FirstProblems
    {
        get
        {
            lock (_gate)
            {
                return [.. _firstProblems];
            }
        }
    }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<HostProcess> StartAsync(CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppFolder, "ConciergeBot.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"No host at {dll}; build the benchmark (it references the host) with -c Release first.");
        }

        var folder = Path.Combine(Path.GetTempPath(), "concierge-directline", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var adminKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[
            dll,
            "--urls", $"http://127.0.0.1:{port}",
            $"--ConnectionStrings:Concierge=Data Source={Path.Combine(folder, "load.db")}",
            $"--DirectLine:Secret={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}",
            $"--DirectLine:UploadsPath={Path.Combine(folder, "uploads")}",
            "--DirectLine:TokensPerMinutePerClient=100000",
            $"--Admin:ApiKey={adminKey}",
            "--Scheduling:Reschedule:MaxReschedules=100000",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        ])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, folder, new Uri($"http://127.0.0.1:{port}"), adminKey);
        try
        {
            await host.WaitHealthyAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>
    /// Counts the log from here on: the seeding's import refuses rows that overlap a demo booking
    /// (and places them again), and EF Core logs each refusal as an error that says nothing about the load.
    /// </summary>
    public void ResetLogCounts()
    {
        lock (_gate)
        {
            _warnings = 0;
            _errors = 0;
            _firstProblems.Clear();
        }
    }

    /// <summary>
    /// The most memory the host has held (VmHWM) since <see cref="ResetPeakMemory"/> or its start, in bytes;
    /// from /proc on Linux, otherwise from <see cref="Process.PeakWorkingSet64"/>.
    /// </summary>
    public long PeakMemory()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        _process.Refresh();
        return _process.PeakWorkingSet64;
    }

    /// <summary>
    /// CPU time of the runtime's tiered-compilation thread (".NET Tiered Com" in /proc, Linux only; null
    /// elsewhere): while it keeps climbing, the host is still re-compiling hot code and is not in its
    /// steady state yet.
    /// </summary>
    public TimeSpan? CompilerCpuTime()
    {
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                {
                    continue;
                }

                // The name in parentheses has spaces; utime and stime are the 12th and 13th fields after it, in clock ticks (USER_HZ, 100 on Linux).
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                return TimeSpan.FromMilliseconds(ticks * 10);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
        }

        return null;
    }

    /// <summary>Starts a new peak (Linux: writing 5 to clear_refs sets VmHWM to the current RSS), so each level has its own; false when it cannot.</summary>
    public bool ResetPeakMemory()
    {
        try
        {
            File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode} before it was healthy; see {LogFile}.");
            }

            try
            {
                using var health = await http.GetAsync("/health", cancellationToken);
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The host was not healthy within {StartTimeout.TotalSeconds:0} s; see {LogFile}.");
    }

    /// <summary>With Warning logs, every line the host writes is worth counting; the simple console format starts an entry with "warn:" or "fail:".</summary>
    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log.WriteLine(line);
            var warning = line.Contains("warn: ", StringComparison.Ordinal);
            var error = line.Contains("fail: ", StringComparison.Ordinal) || line.Contains("crit: ", StringComparison.Ordinal);
            _warnings += warning ? 1 : 0;
            _errors += error ? 1 : 0;
            if ((warning || error) && _firstProblems.Count < LogLinesKept)
            {
                _firstProblems.Add(line.Trim());
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The database is thrown away, so there is nothing a graceful stop would save.
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_gate)
        {
            _log.Dispose();
        }

        if (Warnings == 0 && Errors == 0)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
