using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ConciergeBot.Tests.WebChat;

/// <summary>What a page reported as broken: console errors (a refused style or frame, a failed request) and uncaught exceptions.</summary>
public sealed class PageConsole
{
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _messages = new();

    private PageConsole(IPage page)
    {
        page.Console += (_, message) =>
        {
            var line = $"{message.Type}: {message.Text} ({message.Location})";
            _messages.Enqueue(line);
            if (message.Type == "error")
            {
                _errors.Enqueue(line);
            }
        };
        page.PageError += (_, error) => _errors.Enqueue($"uncaught: {error}");
    }

    public static PageConsole Watch(IPage page) => new(page);

    public IReadOnlyList<string> Messages => [.. _messages];

    public IReadOnlyList<string> Errors => [.. _errors];

    /// <summary>The errors that are not the Direct Line server being absent or refusing (its token endpoint included).</summary>
    public IReadOnlyList<string> ErrorsBesidesDirectLine =>
        [.. _errors.Where(error => !error.Contains("/v3/directline", StringComparison.Ordinal) && !error.Contains("/webchat/token", StringComparison.Ordinal))];
}
