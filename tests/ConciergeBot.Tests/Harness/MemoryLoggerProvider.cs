using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ConciergeBot.Tests.Harness;

/// <summary>Keeps warnings and errors (or, from <paramref name="minimum"/>, more) in memory, so a test can see what the bot logged.</summary>
public sealed class MemoryLoggerProvider(LogLevel minimum = LogLevel.Warning) : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public LogLevel Minimum => minimum;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(MemoryLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
            }
        }
    }
}
