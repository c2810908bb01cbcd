namespace ConciergeBot.Dialogs;

/// <summary>The dialogs one stack can start. Ids are stable and unique: a duplicate is a bug, reported at once.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new InvalidOperationException($"A dialog with id '{dialog.Id}' is already registered.");
        }

        return this;
    }

    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);

    public IEnumerable<Dialog> All => _dialogs.Values;
}
