using System.Text.Json;
using ConciergeBot.Demo;
using ConciergeBot.Language.Nlu;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Nlu;

/// <summary>
/// <c>nlu</c>: language understanding for tools and evaluation. Reads JSON lines
/// (<c>{"id", "text", "reference"?, "timeZone"?}</c>) on stdin and writes one JSON line per input, in
/// order, on stdout; nothing else goes to stdout. A bad line gets an error object with its id.
/// </summary>
public static class NluCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddConciergeRuntime(builder.Configuration);
        builder.Services.AddOptions<BusinessOptions>().Bind(builder.Configuration.GetSection(BusinessOptions.Section));
        using var host = builder.Build();

        var requests = host.Services.GetRequiredService<NluRequests>();
        var business = host.Services.GetRequiredService<IOptions<BusinessOptions>>().Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(business.TimeZone);
        var output = Console.Out;
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            output.WriteLine(JsonSerializer.Serialize(Answer(line, requests, zone, business.DefaultLanguage), NluJson.Options));
            output.Flush();
        }

        return 0;
    }

    private static NluOutput Answer(string line, NluRequests requests, TimeZoneInfo zone, string language)
    {
        NluInput? input;
        try
        {
            input = JsonSerializer.Deserialize<NluInput>(line, NluJson.Options);
        }
        catch (JsonException ex)
        {
            return NluJson.Error(IdOf(line), $"Not a JSON object of the expected shape: {ex.Message}");
        }

        try
        {
            return requests.Answer(input, zone, language);
        }
        catch (Exception ex)
        {
            return NluJson.Error(input?.Id, $"Could not parse this text: {ex.Message}");
        }
    }

    /// <summary>The id of a line that is not valid as a whole, if it can still be read.</summary>
    private static string? IdOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("id", out var id) ? id.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
