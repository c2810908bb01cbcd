using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConciergeBot.Benchmarks;

/// <summary>
/// With <c>--sql</c>: listens to EF Core's diagnostic events (no change to the host's set-up) and
/// counts the commands the pipeline runs and the connections it opens, per statement shape.
/// </summary>
internal sealed partial class SqlProfile : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Count, TimeSpan Time)> _commands = [];
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;
    private long _connections;

    public SqlProfile()
    {
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public void Reset()
    {
        lock (_gate)
        {
            _commands.Clear();
            _connections = 0;
        }
    }

    public void Print(long turns)
    {
        lock (_gate)
        {
            var count = _commands.Values.Sum(c => c.Count);
            var time = TimeSpan.FromTicks(_commands.Values.Sum(c => c.Time.Ticks));
            var per = Math.Max(turns, 1);
            Console.WriteLine($"  SQL: {count / (double)per:0.0} commands and {_connections / (double)per:0.0} connection opens per turn; "
                + $"{time.TotalMilliseconds / per:0.00} ms of command time per turn ({time.TotalSeconds:0.0} s in all)");
            foreach (var (text, (n, t)) in _commands.OrderByDescending(c => c.Value.Time).Take(12))
            {
                Console.WriteLine($"    {n / (double)per,5:0.00}/turn {t.TotalMilliseconds / n,7:0.000} ms each  {text}");
            }
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_gate)
            {
                _subscriptions.Add(listener.Subscribe(this, name =>
                    name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.ConnectionOpened.Name));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                var text = Shape(executed.Command.CommandText);
                lock (_gate)
                {
                    _commands.TryGetValue(text, out var seen);
                    _commands[text] = (seen.Count + 1, seen.Time + executed.Duration);
                }

                break;
            case ConnectionEndEventData:
                Interlocked.Increment(ref _connections);
                break;
        }
    }

    private static string Shape(string sql)
    {
        var oneLine = string.Join(' ', sql.Split((char[])['\r', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        oneLine = ColumnList().Replace(oneLine, "$1 .. FROM ");
        return oneLine.Length <= 150 ? oneLine : oneLine[..150] + "...";
    }

    [GeneratedRegex(@"\b(SELECT(?: DISTINCT)?) .+? FROM ")]
    private static partial Regex ColumnList();

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
