using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.WhatsAppCloud;

/// <summary>The calls of the Cloud API we make: send a message, and fetch a customer's media (its URL first, then the file).</summary>
public sealed class WhatsAppCloudApi(IHttpClientFactory clients, IOptions<WhatsAppCloudOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "whatsapp-cloud";

    /// <returns>The message's id (<c>wamid...</c>), or Meta's error.</returns>
    public async Task<ProviderAnswer> SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = Authorized(HttpMethod.Post, $"{GraphUrl(settings)}/{Uri.EscapeDataString(settings.PhoneNumberId)}/messages");
        request.Content = JsonContent.Create(message);
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var retryAfter = response.RetryAfter(clock);
        try
        {
            using var json = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            var root = json.RootElement;
            if (response.IsSuccessStatusCode
                && root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
                && messages[0].TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } messageId)
            {
                return new ProviderAnswer(messageId, response.StatusCode);
            }

            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
            var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : (int?)null;
            var text = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.GetString() : null;
            return new ProviderAnswer(null, response.StatusCode, code, text ?? response.ReasonPhrase, retryAfter);
        }
        catch (JsonException)
        {
            return new ProviderAnswer(null, response.StatusCode, null, $"Meta answered {(int)response.StatusCode} without JSON.", retryAfter);
        }
    }

    /// <summary>Where a customer's media can be downloaded for the next few minutes; null when Meta will not say.</summary>
    public async Task<string?> MediaUrlAsync(string mediaId, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Get, MediaAddress(mediaId));
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
    }

    /// <summary>The media file itself; Meta's download URL also needs the bearer token.</summary>
    public async Task<HttpResponseMessage> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Get, url);
        return await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>The media's address in the Graph API, recorded when the file itself could not be kept.</summary>
    public string MediaAddress(string mediaId) => $"{GraphUrl(options.Value)}/{Uri.EscapeDataString(mediaId)}";

    private static string GraphUrl(WhatsAppCloudOptions settings) => $"{settings.ApiBaseUrl.TrimEnd('/')}/{settings.ApiVersion}";

    private HttpRequestMessage Authorized(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken);
        return request;
    }
}
