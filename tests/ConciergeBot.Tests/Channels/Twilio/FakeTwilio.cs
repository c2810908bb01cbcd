using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConciergeBot.Tests.Channels.Twilio;

/// <summary>
/// Twilio's REST API on a local port: records every message the bot sends (form fields and
/// credentials), answers as Twilio does or as a test scripts it, and serves customers' media only to
/// callers with the account's credentials.
/// </summary>
public sealed class FakeTwilio : FakeProviderApi<FakeTwilio.SentMessage>
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "fake-twilio-auth-token";

    private int _next;

    public FakeTwilio()
    {
        App.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (string account, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var sent = new SentMessage(account, http.Request.Headers.Authorization.ToString(), form.ToDictionary(f => f.Key, f => f.Value.ToArray()));
            if (Record(sent) is { } scripted)
            {
                return scripted;
            }

            var sid = $"SM{Interlocked.Increment(ref _next):D32}";
            return Results.Json(new { sid, status = "queued", error_code = (int?)null }, statusCode: StatusCodes.Status201Created);
        });
        App.MapGet("/media/{name}", (string name, HttpContext http) =>
            http.Request.Headers.Authorization.ToString() == BasicAuth
                ? Results.Bytes(Encoding.UTF8.GetBytes($"photo {name}"), "image/jpeg")
                : Results.Unauthorized());
        Start();
    }

    public static string BasicAuth => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));

    public sealed record SentMessage(string Account, string Authorization, Dictionary<string, string?[]> Form) : RecordedMessage
    {
        public string? Body => Field("Body");

        public string? Field(string name) => Form.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

        public override string Describe() => Body ?? "";
    }
}
