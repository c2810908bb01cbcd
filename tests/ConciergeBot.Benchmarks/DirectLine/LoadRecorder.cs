namespace ConciergeBot.Benchmarks.DirectLine;

/// <summary>
/// Collects the turns of one load level from every walker. Turns started before
/// <see cref="MeasureFrom"/> are the warm-up and are dropped; so are their errors.
/// </summary>
internal sealed class LoadRecorder(long measureFrom)
{
    private const int ProblemsKept = 6;

    private readonly Lock _gate = new();
    private readonly List<TurnResult> _turns = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _gaveUp = [];
    private readonly Dictionary<TurnFailure, int> _failures = [];
    private int _walks;

    public long MeasureFrom { get; } = measureFrom;

    public void Add(TurnResult turn, bool finishedWalk)
    {
        if (turn.Started < MeasureFrom)
        {
            return;
        }

        lock (_gate)
        {
            _turns.Add(turn);
            _walks += finishedWalk ? 1 : 0;
            if (turn.Failure != TurnFailure.None)
            {
                _failures[turn.Failure] = _failures.GetValueOrDefault(turn.Failure) + 1;
                if (_problems.Count < ProblemsKept)
                {
                    _problems.Add($"{turn.Failure}: {turn.Problem}");
                }
            }
        }
    }

    public void GaveUp(string why)
    {
        lock (_gate)
        {
            _gaveUp.Add(why);
        }
    }

    public LoadSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new LoadSnapshot([.. _turns], new Dictionary<TurnFailure, int>(_failures), [.. _problems], [.. _gaveUp], _walks);
        }
    }
}

internal sealed record LoadSnapshot(
    IReadOnlyList<TurnResult> Turns,
    IReadOnlyDictionary<TurnFailure, int> Failures,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> GaveUp,
    int CompletedWalks)
{
    public int Errors => Failures.Values.Sum();
}
