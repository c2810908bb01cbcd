using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConciergeBot.Channels.Telegram;
using ConciergeBot.Tests.Harness;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ConciergeBot.Tests.Channels.Telegram;

/// <summary>The real host with the Telegram channel on, talking to <see cref="FakeTelegramApi"/>, on a temporary database and a fake clock.</summary>
public sealed class TelegramHost : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret_0123";

    private readonly TempFolder _folder = new();
    private readonly WebApplicationFactory<Program> _factory;

    public TelegramHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Concierge", $"Data Source={DatabaseFile}")
                .UseSetting("Telegram:BotToken", FakeTelegramApi.Token)
                .UseSetting("Telegram:WebhookSecret", Secret)
                .UseSetting("Telegram:ApiBaseUrl", Api.Url)
                .UseSetting("Telegram:FilesPath", _folder.File("telegram-files"))
                .ConfigureLogging(logging => logging.AddProvider(Logs))
                .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                web.UseSetting(key, value);
            }
        });
        Client = _factory.CreateClient();
    }

    public FakeTelegramApi Api { get; } = new();

    /// <summary>Tuesday 1 December 2026, 09:00 in Jakarta.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7)));

    /// <summary>Everything from Information up, as production logs it: a secret must not appear in any of it.</summary>
    public MemoryLoggerProvider Logs { get; } = new(LogLevel.Information);

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    private string DatabaseFile => _folder.File("telegram.db");

    public async Task<HttpResponseMessage> PostUpdateAsync(JsonObject update, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telegram/webhook") { Content = JsonContent.Create(update) };
        if (secret is not null)
        {
            request.Headers.Add(TelegramChannel.SecretHeader, secret);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Posts <paramref name="update"/> as Telegram does and waits until the bot has sent <paramref name="chatId"/> a text containing <paramref name="expected"/>.</summary>
    public async Task<JsonObject> SayAsync(JsonObject update, long chatId, string expected)
    {
        var before = Api.Calls("sendMessage").Count;
        (await PostUpdateAsync(update)).EnsureSuccessStatusCode();
        return await SentAsync(chatId, expected, after: before);
    }

    /// <summary>The first sendMessage (after the first <paramref name="after"/> calls) to the chat whose text contains <paramref name="expected"/>.</summary>
    public async Task<JsonObject> SentAsync(long chatId, string expected, int after = 0)
    {
        JsonObject? found = null;
        await Eventually.TrueAsync(
            () => (found = Api.Calls("sendMessage").Skip(after).FirstOrDefault(c =>
                c["chat_id"]?.ToString() == chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && c["text"]!.GetValue<string>().Contains(expected, StringComparison.Ordinal))) is not null,
            $"a message to {chatId} containing '{expected}'; sent: {string.Join(" | ", Api.TextsTo(chatId))}");
        return found!;
    }

    public async Task<T> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        return read(reader);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        Api.Dispose();
        _folder.Dispose();
    }
}
