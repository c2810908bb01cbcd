using System.ComponentModel.DataAnnotations;

namespace ConciergeBot.Events;

/// <summary>Where and how business events are posted (<c>Webhooks</c> in appsettings.json).</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "Webhooks";

    /// <summary>A short secret is guessable, and whoever knows it can forge events.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>The business's endpoint. Empty: events are kept in the table, unposted, until one is set.</summary>
    public string? Url { get; set; }

    /// <summary>Shared with the receiver only; signs every delivery. Required with a <see cref="Url"/>.</summary>
    public string? Secret { get; set; }

    /// <summary>Attempts at one event (timeouts, 408, 429 and 5xx answers) before it is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; it doubles with each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the table is checked for retries that fell due (new events wake the dispatcher at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < RetryDelay)
        {
            yield return new ValidationResult($"{nameof(MaxRetryDelay)} must not be shorter than {nameof(RetryDelay)}.", [nameof(MaxRetryDelay)]);
        }

        if (!Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult($"{nameof(Url)} must be an absolute http or https address.", [nameof(Url)]);
        }

        if (string.IsNullOrWhiteSpace(Secret))
        {
            yield return new ValidationResult($"{nameof(Secret)} is required when {nameof(Url)} is set: the receiver checks every delivery's signature with it.", [nameof(Secret)]);
        }
        else if (Secret.Length < MinimumSecretLength)
        {
            yield return new ValidationResult($"{nameof(Secret)} must be at least {MinimumSecretLength} characters (a random one, e.g. `openssl rand -hex 32`).", [nameof(Secret)]);
        }
    }
}
