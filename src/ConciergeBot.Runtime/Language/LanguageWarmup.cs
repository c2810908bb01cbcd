using ConciergeBot.Language.Intents;
using ConciergeBot.Language.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Language;

/// <summary>
/// Trains the intent model and runs every time recognizer once before the bot takes messages: the
/// first call of each is slow (model training, regex compilation), and no customer should wait for it.
/// </summary>
internal sealed partial class LanguageWarmup(IntentModel intents, IEnumerable<ITimeRecognizer> recognizers, TimeProvider clock, ILogger<LanguageWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        intents.Classifier.Classify("halo, mau reschedule besok jam 3 sore");
        var context = new TimeContext(clock.GetUtcNow(), TimeZoneInfo.Utc);
        foreach (var recognizer in recognizers)
        {
            recognizer.Recognize("besok jam 3 sore / tomorrow at 3pm", context);
        }

        LogWarm(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Language understanding warmed up in {Milliseconds:F0} ms")]
    private partial void LogWarm(double milliseconds);
}
