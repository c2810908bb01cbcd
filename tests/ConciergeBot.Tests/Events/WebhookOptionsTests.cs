using ConciergeBot.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Tests.Events;

public sealed class WebhookOptionsTests
{
    [Theory]
    [InlineData("https://shop.example/hooks", "0123456789abcdef0123", null)]
    [InlineData("", "", null)]
    [InlineData("https://shop.example/hooks", "", "Secret is required")]
    [InlineData("https://shop.example/hooks", "short", "at least 16 characters")]
    [InlineData("ftp://shop.example/hooks", "0123456789abcdef0123", "absolute http or https")]
    [InlineData("/hooks", "0123456789abcdef0123", "absolute http or https")]
    public void The_webhook_settings_are_checked_when_the_bot_starts(string url, string secret, string? problem)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:Url"] = url, ["Webhooks:Secret"] = secret })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddBusinessEvents(configuration).BuildServiceProvider();
        var startup = services.GetRequiredService<IStartupValidator>();

        if (problem is null)
        {
            startup.Validate();
        }
        else
        {
            var error = Assert.Throws<OptionsValidationException>(startup.Validate);
            Assert.Contains(problem, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret.Length > 0 ? secret : "\u0000", error.Message, StringComparison.Ordinal);
        }
    }
}
