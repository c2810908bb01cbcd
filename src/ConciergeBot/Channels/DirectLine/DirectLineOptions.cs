using System.ComponentModel.DataAnnotations;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>The Direct Line 3.0 channel the web chat talks to (<c>DirectLine</c> in appsettings.json).</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>
    /// The Direct Line secret: a server holding it may start conversations and generate tokens. It
    /// also signs the tokens, so every instance must share it; when it is empty a random key is made
    /// at start (tokens then last only as long as the process) and nothing accepts a secret.
    /// </summary>
    public string Secret { get; set; } = "";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Web pages on other sites allowed to call the channel from the browser (CORS).</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Where uploaded files are kept (relative to the working directory).</summary>
    public string UploadsPath { get; set; } = "data/uploads";

    [Range(1, 100_000_000)]
    public long MaxUploadBytes { get; set; } = 10_000_000;

    /// <summary>How many tokens one address may get from the page's token endpoint per minute.</summary>
    [Range(1, 100_000)]
    public int TokensPerMinutePerClient { get; set; } = 30;
}
