using System.Diagnostics;

namespace ConciergeBot.Tests.Harness;

/// <summary>
/// A small Node project beside the tests (copied to the output folder by the build), its npm packages
/// installed there with <c>npm ci</c> the first time a test runs one of its scripts.
/// </summary>
public sealed class NodeProject(string relativeFolder)
{
    private Lazy<Task>? _install;

    public string Folder { get; } = Path.Combine(AppContext.BaseDirectory, relativeFolder);

    public async Task<Result> RunAsync(string script, string[] args, TimeSpan timeout, string? input = null)
    {
        // One install per test process; a failure is kept and reported to each test that asks.
        await LazyInitializer.EnsureInitialized(ref _install, () => new Lazy<Task>(InstallAsync)).Value;
        return await RunProcessAsync("node", [script, .. args], timeout, input);
    }

    private async Task InstallAsync()
    {
        var stamp = Path.Combine(Folder, "node_modules", ".conciergebot-installed");
        if (File.Exists(stamp) && File.GetLastWriteTimeUtc(stamp) >= File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json")))
        {
            return;
        }

        var result = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], TimeSpan.FromMinutes(5), null);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {Folder} failed ({result.ExitCode}):{Environment.NewLine}{result.Error}");
        }

        await File.WriteAllTextAsync(stamp, "");
    }

    private async Task<Result> RunProcessAsync(string program, string[] args, TimeSpan timeout, string? input)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

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

    public sealed record Result(int ExitCode, string Output, string Error);
}
