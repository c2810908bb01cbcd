using System.Diagnostics;
using System.Text.Json;

namespace ConciergeBot.Tests.WebChat;

/// <summary>
/// <c>directline-client/client.mjs</c> (copied to the test output folder by the build), run with Node.
/// Its npm packages are installed there with <c>npm ci</c> the first time a test runs it.
/// </summary>
public static class DirectLineNodeClient
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "WebChat", "directline-client");

    // One install per test process; a failure is kept and reported to each test that asks.
    private static readonly Lazy<Task> Install = new(InstallAsync);

    public static async Task<Result> RunAsync(params string[] args)
    {
        await Install.Value;
        return await RunProcessAsync("node", ["client.mjs", .. args], TimeSpan.FromSeconds(45));
    }

    private static async Task InstallAsync()
    {
        var stamp = Path.Combine(Folder, "node_modules", ".conciergebot-installed");
        if (File.Exists(stamp) && File.GetLastWriteTimeUtc(stamp) >= File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json")))
        {
            return;
        }

        var result = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {Folder} failed ({result.ExitCode}):{Environment.NewLine}{result.Error}");
        }

        await File.WriteAllTextAsync(stamp, "");
    }

    private static async Task<Result> RunProcessAsync(string program, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} ran longer than {timeout}.");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>The activities the client printed, one JSON object a line.</summary>
        public IReadOnlyList<JsonElement> Activities =>
            [.. Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => JsonDocument.Parse(line).RootElement)];
    }
}
