namespace ConciergeBot.Tests.WebChat;

internal static class Eventually
{
    /// <summary>Waits for a condition on what the test collected (not on the page, where locators wait by themselves).</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMilliseconds(BrowserFixture.Timeout));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited in vain for: {what}.");
            }

            await Task.Delay(50);
        }
    }
}
