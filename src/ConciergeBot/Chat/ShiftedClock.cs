using System.Diagnostics;

namespace ConciergeBot.Chat;

/// <summary>A clock that starts at a chosen moment and then runs at normal speed (the chat's <c>--now</c>).</summary>
internal sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + Stopwatch.GetElapsedTime(_startTimestamp);
}
