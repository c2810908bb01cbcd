using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.Twilio;

/// <summary>The two calls of Twilio's REST API we make: create a message, and fetch a customer's media.</summary>
public sealed class TwilioApi(IHttpClientFactory clients, IOptions<TwilioOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "twilio";

    /// <returns>The message's SID (<c>SM...</c>), or Twilio's error.</returns>
    public async Task<ProviderAnswer> SendAsync(IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = SendingCredentials(settings);
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var retryAfter = response.RetryAfter(clock);
        try
        {
            using var json = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            var root = json.RootElement;
            if (response.IsSuccessStatusCode && root.TryGetProperty("sid", out var sid) && sid.GetString() is { Length: > 0 } id)
            {
                return new ProviderAnswer(id, response.StatusCode);
            }

            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32()
                : root.TryGetProperty("error_code", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : (int?)null;
            var message = root.TryGetProperty("message", out var m) ? m.GetString()
                : root.TryGetProperty("error_message", out var em) ? em.GetString() : null;
            return new ProviderAnswer(null, response.StatusCode, code, message ?? response.ReasonPhrase, retryAfter);
        }
        catch (JsonException)
        {
            return new ProviderAnswer(null, response.StatusCode, null, $"Twilio answered {(int)response.StatusCode} without JSON.", retryAfter);
        }
    }

    /// <summary>A customer's photo or file; Twilio's media URLs need the account's credentials.</summary>
    public async Task<HttpResponseMessage> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = SendingCredentials(options.Value);
        return await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static AuthenticationHeaderValue SendingCredentials(TwilioOptions settings)
    {
        var (user, password) = string.IsNullOrEmpty(settings.ApiKeySid)
            ? (settings.AccountSid, settings.AuthToken)
            : (settings.ApiKeySid, settings.ApiKeySecret);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }
}
