using System.Text;
using System.Text.Json.Nodes;
using ConciergeBot.Channels.WhatsAppCloud;
using ConciergeBot.Tests.Channels.DirectLine;

namespace ConciergeBot.Tests.Channels.WhatsAppCloud;

/// <summary>The real host with the WhatsApp Cloud API configured against <see cref="FakeMetaGraph"/>; notifications are posted as Meta does, signed.</summary>
public sealed class WhatsAppCloudHost : IAsyncDisposable
{
    public const string AppSecret = "meta-app-secret-for-tests";
    public const string VerifyToken = "verify-me-please";
    public const string WebhookPath = "/api/whatsapp/webhook";
    public const string ReminderTemplate = "appointment_reminder";

    private WhatsAppCloudHost(FakeMetaGraph meta, DirectLineHost host) => (Meta, Host) = (meta, host);

    public FakeMetaGraph Meta { get; }

    public DirectLineHost Host { get; }

    public static WhatsAppCloudHost Start()
    {
        var meta = new FakeMetaGraph();
        var host = new DirectLineHost(new Dictionary<string, string?>
        {
            ["WhatsAppCloud:AccessToken"] = FakeMetaGraph.AccessToken,
            ["WhatsAppCloud:AppSecret"] = AppSecret,
            ["WhatsAppCloud:VerifyToken"] = VerifyToken,
            ["WhatsAppCloud:PhoneNumberId"] = FakeMetaGraph.PhoneNumberId,
            ["WhatsAppCloud:ApiBaseUrl"] = meta.BaseUrl,
            ["WhatsAppCloud:ApiVersion"] = FakeMetaGraph.Version,
            ["WhatsAppCloud:Templates:reminder:Name"] = ReminderTemplate,
            ["WhatsAppCloud:Templates:reminder:Language"] = "id",
        });
        return new WhatsAppCloudHost(meta, host);
    }

    /// <summary>A text message from <paramref name="from"/> (digits, as Meta writes numbers).</summary>
    public Task<HttpResponseMessage> ReceiveTextAsync(string from, string text, string? id = null, string? name = null) =>
        ReceiveAsync(from, new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } }, id, name);

    /// <summary>A tap on a reply button (<c>button_reply</c>) or a list row (<c>list_reply</c>).</summary>
    public Task<HttpResponseMessage> TapAsync(string from, string kind, (string Id, string Title) choice) =>
        ReceiveAsync(from, new JsonObject
        {
            ["type"] = "interactive",
            ["interactive"] = new JsonObject { ["type"] = kind, [kind] = new JsonObject { ["id"] = choice.Id, ["title"] = choice.Title } },
        });

    public Task<HttpResponseMessage> ReceiveAsync(string from, JsonObject content, string? id = null, string? name = null)
    {
        var message = new JsonObject
        {
            ["from"] = from,
            ["id"] = id ?? $"wamid.IN{Guid.NewGuid():N}",
            ["timestamp"] = "1795996800",
        };
        foreach (var (key, node) in content.ToList())
        {
            content.Remove(key);
            message[key] = node;
        }

        var value = new JsonObject { ["messages"] = new JsonArray(message) };
        if (name is not null)
        {
            value["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = from });
        }

        return NotifyAsync(value);
    }

    public Task<HttpResponseMessage> StatusAsync(string messageId, string status, string recipient, int? errorCode = null)
    {
        var report = new JsonObject { ["id"] = messageId, ["status"] = status, ["timestamp"] = "1795996900", ["recipient_id"] = recipient };
        if (errorCode is { } code)
        {
            report["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["title"] = "Message undeliverable" });
        }

        return NotifyAsync(new JsonObject { ["statuses"] = new JsonArray(report) });
    }

    /// <summary>A notification wrapped as Meta does: one entry, one change, this value.</summary>
    public Task<HttpResponseMessage> NotifyAsync(JsonObject value)
    {
        value["messaging_product"] = "whatsapp";
        value["metadata"] = new JsonObject { ["display_phone_number"] = "6281100001111", ["phone_number_id"] = FakeMetaGraph.PhoneNumberId };
        var body = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }),
            }),
        };
        return PostAsync(body.ToJsonString(), null);
    }

    /// <summary>Posts <paramref name="body"/> byte for byte; signed with the app secret unless a signature is given ("" for none).</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, string? signature)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        signature ??= WhatsAppCloudSignature.Compute(AppSecret, bytes);
        if (signature.Length > 0)
        {
            request.Headers.Add(WhatsAppCloudSignature.Header, signature);
        }

        return await Host.Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Meta.DisposeAsync();
    }
}
