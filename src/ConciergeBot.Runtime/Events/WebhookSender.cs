using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ConciergeBot.Events;

/// <summary>One attempt at one event: builds and signs the request, posts it, and sorts the answer.</summary>
internal sealed class WebhookSender(IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string HttpClientName = "ConciergeBot.Webhooks";

    /// <summary>A receiver should answer at once and do its work afterwards; a slow one is retried.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Enough of a refusal's body to tell an operator why, not a whole error page.</summary>
    private const int ExcerptLength = 200;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<WebhookResult> PostAsync(Uri url, string secret, PendingBusinessEvent row, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = WebhookEnvelope.Serialize(row.EventId, row.Type, row.OccurredAt, row.PayloadJson);
        }
        catch (JsonException ex)
        {
            return WebhookResult.Failed($"The stored payload is not valid JSON: {ex.Message}");
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add(WebhookHeaders.Event, row.Type);
        request.Headers.Add(WebhookHeaders.EventId, row.EventId.ToString());
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Compute(secret, timestamp, body));

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return await SortAsync(response, cancellationToken);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WebhookResult.Retry($"No answer within {RequestTimeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            return WebhookResult.Retry(ex.Message);
        }
    }

    private async Task<WebhookResult> SortAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return WebhookResult.Delivered;
        }

        var status = (int)response.StatusCode;
        var answer = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        var excerpt = Excerpt(await response.Content.ReadAsStringAsync(cancellationToken));
        if (excerpt.Length > 0)
        {
            answer += ": " + excerpt;
        }

        return status switch
        {
            (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500 =>
                WebhookResult.Retry(answer, status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable ? RetryAfter(response) : null),
            >= 300 and < 400 => WebhookResult.Failed($"{answer} (redirects are not followed: set Webhooks:Url to the final address)"),
            _ => WebhookResult.Failed(answer),
        };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > clock.GetUtcNow() ? date - clock.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    private static string Excerpt(string body)
    {
        var text = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength), "…");
    }
}
