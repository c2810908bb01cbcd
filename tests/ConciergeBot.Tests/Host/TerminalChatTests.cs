using ConciergeBot.Pipeline;
using ConciergeBot.Tests.Harness;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConciergeBot.Tests.Host;

/// <summary>The <c>chat</c> verb as a user runs it: a real process with a script of lines on stdin.</summary>
public sealed class TerminalChatTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_piped_script_gets_each_reply_printed_and_the_conversation_resumes_next_time()
    {
        var db = _folder.File("chat.db");

        var first = await ChatAsync(["--user", "+6281234567890", "--db", db], "halo\n");
        Assert.Contains("You: halo", first, StringComparison.Ordinal);
        Assert.Contains("Bot: Halo Kak Budi! Saya asisten virtual Bengkel Maju Jaya", first, StringComparison.Ordinal);
        Assert.Contains("  1. Ubah jadwal", first, StringComparison.Ordinal);
        Assert.Contains("  3. Bicara dengan petugas", first, StringComparison.Ordinal);

        // A second run on the same database continues the same conversation: "3" answers the menu.
        var second = await ChatAsync(["--user", "+6281234567890", "--db", db], "3\n");
        Assert.Contains("Bot: Tentu. Percakapan Anda sudah saya teruskan ke tim Bengkel Maju Jaya", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_and_clock_options_are_honoured()
    {
        var output = await ChatAsync(["--user", "tester", "--language", "en", "--now", "2026-12-24T23:30:00+07:00", "--db", _folder.File("c.db")], "halo\nbatal\n");

        Assert.Contains("Bot: Hi! I'm the virtual assistant of Bengkel Maju Jaya.", output, StringComparison.Ordinal);
        Assert.Contains("Bot: OK, I've stopped that.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_language_is_refused_with_a_clear_message()
    {
        var (code, _, error) = await HostProcess.RunAsync(["chat", "--language", "fr", "--db", _folder.File("x.db")], "");

        Assert.NotEqual(0, code);
        Assert.Contains("fr", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_failures_command_lists_what_could_not_be_delivered()
    {
        string database;
        await using (var bot = await BotHarness.StartAsync(services => services.AddSingleton<ITurnHandler>(new CountingEchoHandler())))
        {
            bot.Channel.Fault = _ => DeliveryResult.Failed("21610: recipient unsubscribed");
            await bot.ReceiveAsync("c9", "hello");
            await bot.EventuallyAsync(async db => await db.Outbox.AnyAsync(o => o.LastError != null));
            database = _folder.File("failures.db");
            await bot.StopHostAsync();
            SqliteConnection.ClearAllPools();
            File.Copy(bot.DatabasePath, database);
        }

        var (code, output, error) = await HostProcess.RunAsync(["failures", $"--ConnectionStrings:Concierge=Data Source={database}"], "");

        Assert.True(code == 0, error);
        Assert.Contains("Failed deliveries: 1", output, StringComparison.Ordinal);
        Assert.Contains("test:c9  after 1 attempt(s): 21610: recipient unsubscribed", output, StringComparison.Ordinal);
    }

    private static async Task<string> ChatAsync(string[] args, string input)
    {
        var (code, output, error) = await HostProcess.RunAsync(["chat", .. args], input);
        Assert.True(code == 0, $"chat exited with {code}: {error}");
        return output;
    }

    public void Dispose() => _folder.Dispose();
}
