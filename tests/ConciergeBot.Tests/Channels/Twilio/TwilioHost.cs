using ConciergeBot.Channels.Twilio;
using ConciergeBot.Tests.Channels.DirectLine;

namespace ConciergeBot.Tests.Channels.Twilio;

/// <summary>
/// The real host with Twilio configured against <see cref="FakeTwilio"/>. Webhooks are signed for the
/// public address Twilio would call (behind a proxy), not the test server's own, as in production.
/// </summary>
public sealed class TwilioHost : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://bot.example.com";
    public const string SmsNumber = "+15005550006";
    public const string WhatsAppNumber = "whatsapp:+14155238886";
    public const string ReminderTemplate = "HX00000000000000000000000000000001";
    public const string EnglishReminderTemplate = "HX00000000000000000000000000000002";

    private TwilioHost(FakeTwilio twilio, DirectLineHost host) => (Twilio, Host) = (twilio, host);

    public FakeTwilio Twilio { get; }

    public DirectLineHost Host { get; }

    public static TwilioHost Start()
    {
        var twilio = new FakeTwilio();
        var host = new DirectLineHost(new Dictionary<string, string?>
        {
            ["Admin:ApiKey"] = Agents.TestAgents.AdminKey,
            ["Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Twilio:AuthToken"] = FakeTwilio.AuthToken,
            ["Twilio:SmsFrom"] = SmsNumber,
            ["Twilio:WhatsAppFrom"] = WhatsAppNumber,
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl,
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
            ["Twilio:WhatsAppTemplates:reminder"] = ReminderTemplate,
            ["Twilio:WhatsAppTemplates:reminder.en"] = EnglishReminderTemplate,
        });
        return new TwilioHost(twilio, host);
    }

    /// <summary>A message from <paramref name="from"/> as Twilio posts it, signed unless told otherwise.</summary>
    public Task<HttpResponseMessage> ReceiveAsync(string from, string body, string? sid = null, IEnumerable<KeyValuePair<string, string>>? extra = null, string? signature = null)
    {
        var to = from.StartsWith("whatsapp:", StringComparison.Ordinal) ? WhatsAppNumber : SmsNumber;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", sid ?? "SM" + Guid.NewGuid().ToString("N")),
            new("AccountSid", FakeTwilio.AccountSid),
            new("From", from),
            new("To", to),
            new("Body", body),
            new("NumMedia", "0"),
        };
        foreach (var (name, value) in extra ?? [])
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        return PostAsync("/api/twilio/messages", fields, signature);
    }

    public Task<HttpResponseMessage> StatusAsync(string sid, string status, string? errorCode = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("MessageSid", sid), new("MessageStatus", status), new("AccountSid", FakeTwilio.AccountSid) };
        if (errorCode is not null)
        {
            fields.Add(new("ErrorCode", errorCode));
        }

        return PostAsync("/api/twilio/status", fields, null);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, List<KeyValuePair<string, string>> fields, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Compute(FakeTwilio.AuthToken, PublicBaseUrl + path, fields));
        return await Host.Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Twilio.DisposeAsync();
    }
}
