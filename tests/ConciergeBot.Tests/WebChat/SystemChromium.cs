using System.Diagnostics;

namespace ConciergeBot.Tests.WebChat;

/// <summary>
/// Debian's Chromium, installed with apt-get the first time a test needs it. Playwright's own browser
/// download cannot run here, so Playwright is pointed at this executable instead.
/// </summary>
public static class SystemChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // One install per test process, however many fixtures ask at once; a failure is kept and reported to each.
    private static readonly Lazy<Task> Install = new(InstallAsync);

    public static Task EnsureInstalledAsync() => File.Exists(ExecutablePath) ? Task.CompletedTask : Install.Value;

    private static async Task InstallAsync()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {ExecutablePath}; install Debian's 'chromium' package.");
        }

        // Another process (a parallel build's tests) may hold apt's locks for a while: wait for them, then retry once more.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AptGetAsync("update");
                await AptGetAsync("install", "-y", "--no-install-recommends", "chromium");
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(10));
            }
        }

        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"apt-get installed 'chromium', but {ExecutablePath} is not there.");
        }
    }

    private static async Task AptGetAsync(params string[] args)
    {
        var start = new ProcessStartInfo("apt-get") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add("DPkg::Lock::Timeout=300");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"apt-get {string.Join(' ', args)} failed ({process.ExitCode}); the browser tests run as root to install Chromium.{Environment.NewLine}{await output}{await error}");
        }
    }
}
