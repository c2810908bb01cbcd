namespace ConciergeBot.Tests.WebChat;

/// <summary>A second real client, Microsoft's botframework-directlinejs in Node, against the running host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectLineClientTests(WebChatHost host)
{
    [Fact]
    [Trait("needs", "directline")]
    public async Task The_Node_client_says_hi_and_gets_the_greeting()
    {
        var run = await DirectLineNodeClient.RunAsync("--domain", host.DirectLineDomain, "--text", "hi", "--timeout", "20000");

        Assert.True(run.ExitCode == 0, $"client.mjs exited {run.ExitCode}: {run.Error}");
        var messages = run.Activities.Where(activity => activity.GetProperty("type").GetString() == "message").ToList();
        var greeting = Assert.Single(messages, message => Role(message) == "bot");
        // The client names its user, and a new customer is greeted by the name their channel gives.
        Assert.StartsWith("Hi Node! I'm the virtual assistant of Bengkel Maju Jaya", greeting.GetProperty("text").GetString(), StringComparison.Ordinal);
        // The client's own message came back too, with the id the server gave it.
        var echo = Assert.Single(messages, message => Role(message) == "user");
        Assert.Equal("hi", echo.GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(echo.GetProperty("id").GetString()));
    }

    private static string? Role(System.Text.Json.JsonElement activity) =>
        activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) ? role.GetString() : null;

    [Fact]
    public async Task The_Node_client_fails_clearly_when_it_cannot_connect()
    {
        var run = await DirectLineNodeClient.RunAsync("--domain", host.DirectLineDomain, "--token", "not-a-token", "--timeout", "20000");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("The connection ended", run.Error, StringComparison.Ordinal);
    }
}
