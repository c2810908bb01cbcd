using System.Text.Json;
using ConciergeBot.Tests.Harness;

namespace ConciergeBot.Tests.WebChat;

/// <summary><c>directline-client/client.mjs</c>: Microsoft's botframework-directlinejs, run with Node against the host.</summary>
public static class DirectLineNodeClient
{
    private static readonly NodeProject Project = new(Path.Combine("WebChat", "directline-client"));

    public static async Task<Result> RunAsync(params string[] args)
    {
        var run = await Project.RunAsync("client.mjs", args, TimeSpan.FromSeconds(45));
        return new Result(run.ExitCode, run.Output, run.Error);
    }

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>The activities the client printed, one JSON object a line.</summary>
        public IReadOnlyList<JsonElement> Activities =>
            [.. Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => JsonDocument.Parse(line).RootElement)];
    }
}
