using System.Text.Json;
using System.Text.Json.Nodes;
using ConciergeBot.Channels.Twilio;
using ConciergeBot.Tests.Harness;

namespace ConciergeBot.Tests.Channels.Twilio;

/// <summary><c>X-Twilio-Signature</c> exactly as Twilio computes it: its published vector, and its own npm validator both ways.</summary>
public sealed class TwilioSignatureTests
{
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+12349013030"),
        new("Digits", "1234"),
        new("From", "+12349013030"),
        new("To", "+18005551212"),
    ];

    private static readonly NodeProject Signer = new(Path.Combine("Channels", "Twilio", "twilio-signer"));

    [Fact]
    public void The_published_test_vector_signs_and_validates()
    {
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.Compute("12345", Url, Parameters));
        Assert.True(TwilioSignature.IsValid("12345", Url, Parameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        Assert.True(TwilioSignature.IsValid("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2", Parameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }

    [Fact]
    public void Anything_changed_fails()
    {
        const string Signature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

        Assert.False(TwilioSignature.IsValid("54321", Url, Parameters, Signature));
        Assert.False(TwilioSignature.IsValid("12345", Url.Replace("foo=1", "foo=2", StringComparison.Ordinal), Parameters, Signature));
        Assert.False(TwilioSignature.IsValid("12345", "http://mycompany.com/myapp.php?foo=1&bar=2", Parameters, Signature));
        Assert.False(TwilioSignature.IsValid("12345", Url, [.. Parameters, new("Body", "extra")], Signature));
        Assert.False(TwilioSignature.IsValid("12345", Url, Parameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : p), Signature));
        Assert.False(TwilioSignature.IsValid("12345", Url, Parameters, null));
        Assert.False(TwilioSignature.IsValid("", Url, Parameters, Signature));
    }

    [Fact]
    public async Task Ours_and_Twilios_own_validator_agree_both_ways_on_random_requests()
    {
        var random = new Random(20261127);
        var cases = Enumerable.Range(0, 40).Select(_ => RandomRequest(random)).ToList();
        var input = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
        {
            ["token"] = c.Token,
            ["url"] = c.Url,
            ["params"] = new JsonObject(c.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
            ["signature"] = TwilioSignature.Compute(c.Token, c.Url, c.Parameters),
        }).ToArray());

        var run = await Signer.RunAsync("sign.mjs", [], TimeSpan.FromSeconds(60), input.ToJsonString());

        Assert.True(run.ExitCode == 0, run.Error);
        var answers = JsonSerializer.Deserialize<List<Answer>>(run.Output, JsonSerializerOptions.Web)!;
        Assert.Equal(cases.Count, answers.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            Assert.True(answers[i].Valid, $"Twilio refused our signature of {cases[i].Url}");
            Assert.True(TwilioSignature.IsValid(cases[i].Token, cases[i].Url, cases[i].Parameters, answers[i].Expected), $"We refused Twilio's signature of {cases[i].Url}");
        }
    }

    private static (string Token, string Url, List<KeyValuePair<string, string>> Parameters) RandomRequest(Random random)
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        string Word(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max)).Select(_ => Letters[random.Next(Letters.Length)])]);
        string Value() => random.Next(4) switch
        {
            0 => "+62" + random.NextInt64(8_000_000_000, 8_999_999_999),
            1 => Word(0, 20) + " halo, apa kabar? ✓ ü & = +",
            2 => "whatsapp:+62" + random.NextInt64(8_000_000_000, 8_999_999_999),
            _ => Word(1, 40),
        };

        var query = random.Next(2) == 0 ? "" : $"?{Word(1, 6)}={Word(1, 6)}&{Word(1, 6)}=1";
        var url = $"https://{Word(3, 10).ToLowerInvariant()}.example.com/api/twilio/{Word(1, 10)}{query}";
        var parameters = Enumerable.Range(0, random.Next(1, 12))
            .Select(i => KeyValuePair.Create(Word(1, 8) + i, Value()))
            .ToList();
        return (Word(16, 33), url, parameters);
    }

    private sealed record Answer(string Expected, bool Valid);
}
