using Microsoft.Data.Sqlite;

namespace ConciergeBot.Pipeline;

/// <summary>
/// Writes a dialog joins to its turn's own commit instead of taking a round trip of their own to the
/// single writer (where every turn in the queue waits behind each one). A joined write is a check and
/// a write that run inside the turn's commit: the dialog goes on as if it succeeded, and if at commit
/// the check no longer holds (the slot was taken meanwhile), the whole turn is undone, nothing of it
/// is sent, and it runs again. On that second run <see cref="Joinable"/> is false: the dialog writes at
/// once and answers from the real outcome.
/// </summary>
public sealed class TurnWrites
{
    private readonly List<(Func<SqliteConnection, SqliteTransaction, bool> Write, Action? Committed)> _writes = [];

    internal TurnWrites(bool joinable) => Joinable = joinable;

    /// <summary>False when this run of the turn follows one whose joined write was refused: write at once.</summary>
    public bool Joinable { get; }

    internal bool Any => _writes.Count > 0;

    /// <param name="write">Runs in the turn's commit; false (nothing written) undoes the turn and runs it again.</param>
    /// <param name="committed">Runs once the turn has committed (to wake whoever acts on the change).</param>
    public void Join(Func<SqliteConnection, SqliteTransaction, bool> write, Action? committed = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!Joinable)
        {
            throw new InvalidOperationException("This run of the turn follows a refused joined write; write at once instead.");
        }

        _writes.Add((write, committed));
    }

    /// <returns>False as soon as one write is refused; the caller undoes the whole turn.</returns>
    internal bool Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        foreach (var (write, _) in _writes)
        {
            if (!write(connection, transaction))
            {
                return false;
            }
        }

        return true;
    }

    internal void Committed()
    {
        foreach (var (_, committed) in _writes)
        {
            committed?.Invoke();
        }
    }
}
