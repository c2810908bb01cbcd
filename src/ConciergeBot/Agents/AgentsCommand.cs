using System.Text;
using ConciergeBot.Hosting;
using ConciergeBot.Storage;

namespace ConciergeBot.Agents;

/// <summary>
/// <c>agents add|list|disable</c>: agent accounts from the command line. The password is read from
/// standard input (piped, or typed without echo), never from an argument that shell history keeps.
/// </summary>
public static class AgentsCommand
{
    private const string Usage = """
        usage: agents add <user-name> --name "<display name>" [--role agent|supervisor] [--teams general,english] [--max 3]
                 (the password is read from standard input: typed without echo, or piped)
               agents list
               agents disable <user-name>
        Host settings (--ConnectionStrings:Concierge=...) may follow.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--name" or "--role" or "--teams" or "--max" && i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                rest.Add(args[i]);
                if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    rest.Add(args[++i]);
                }
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. rest], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddConcierge();
        builder.Services.AddSingleton<AgentAccounts>();
        using var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var accounts = host.Services.GetRequiredService<AgentAccounts>();

        switch (positional)
        {
            case ["add", var userName]:
                var maxText = options.GetValueOrDefault("--max");
                int? max = maxText is null ? null : int.TryParse(maxText, out var parsed) ? parsed : -1;
                var password = ReadPassword();
                var (agent, problem) = await accounts.CreateAsync(
                    new NewAgent(userName, options.GetValueOrDefault("--name") ?? "", password, options.GetValueOrDefault("--role"), options.GetValueOrDefault("--teams"), max),
                    CancellationToken.None);
                if (agent is null)
                {
                    await Console.Error.WriteLineAsync(problem);
                    return 1;
                }

                Console.WriteLine($"Agent '{agent.UserName}' ({agent.DisplayName}, {AgentAuthentication.RoleName(agent.Role)}, teams {agent.Teams}, up to {agent.MaxConcurrent} at once) can now sign in at /agent.");
                return 0;
            case ["list"]:
                foreach (var a in await accounts.ListAsync(CancellationToken.None))
                {
                    Console.WriteLine($"{a.UserName,-20} {a.DisplayName,-24} {AgentAuthentication.RoleName(a.Role),-10} {a.Teams,-24} max {a.MaxConcurrent}{(a.Disabled ? "  (disabled)" : "")}");
                }

                return 0;
            case ["disable", var userName]:
                if (await accounts.DisableAsync(userName, CancellationToken.None))
                {
                    Console.WriteLine($"Agent '{userName}' can no longer sign in.");
                    return 0;
                }

                await Console.Error.WriteLineAsync($"There is no agent '{userName}'.");
                return 1;
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? "";
        }

        Console.Error.Write("Password: ");
        var password = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return password.ToString();
    }
}
