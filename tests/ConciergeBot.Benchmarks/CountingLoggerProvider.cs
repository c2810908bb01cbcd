using Microsoft.Extensions.Logging;

namespace ConciergeBot.Benchmarks;

/// <summary>Counts warnings and errors, and shows the first few on stderr, so a run that went wrong says so.</summary>
internal sealed class CountingLoggerProvider : ILoggerProvider
{
    private const int Shown = 5;

    private int _warnings;
    private int _errors;

    public int Warnings => Volatile.Read(ref _warnings);

    public int Errors => Volatile.Read(ref _errors);

    /// <summary>Set while the host stops: cancelling queued work then logs errors that say nothing about the run.</summary>
    public bool Stopping { get; set; }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        if (Stopping)
        {
            return;
        }

        var count = level >= LogLevel.Error ? Interlocked.Increment(ref _errors) : Interlocked.Increment(ref _warnings);
        if (count <= Shown)
        {
            Console.Error.WriteLine($"  [{level}] {category}: {message}{(exception is null ? "" : " -- " + exception.GetType().Name + ": " + exception.Message)}");
        }
    }

    private sealed class Logger(CountingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
