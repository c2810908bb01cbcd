namespace ConciergeBot.Tests.Channels;

/// <summary>Waits for what the host does in the background (a turn, a delivery) to show in the database.</summary>
public static class Eventually
{
    public static async Task<T> ReadAsync<T>(Func<Task<T?>> read, Func<T, bool>? until = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (await read() is { } found && (until is null || until(found)))
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Waited in vain.");
            }

            await Task.Delay(20);
        }
    }

    public static async Task HoldsAsync(Func<Task<bool>> condition) => await ReadAsync(async () => await condition() ? "yes" : null);

    /// <summary>For what a fake outside API recorded (no database read needed).</summary>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited in vain for: {what}.");
            }

            await Task.Delay(25);
        }
    }
}
