using System.Text;
using ConciergeBot.Channels.WhatsAppCloud;

namespace ConciergeBot.Tests.Channels.WhatsAppCloud;

/// <summary><c>X-Hub-Signature-256</c> against vectors computed apart from our code (<c>openssl dgst -sha256 -hmac</c>).</summary>
public sealed class WhatsAppCloudSignatureTests
{
    private const string Secret = "meta-app-secret-for-tests";

    [Theory]
    [InlineData("""{"object":"whatsapp_business_account","entry":[]}""", "sha256=54a69490a54636f68bda6d859aea5211297e3f23d98715aa74993cd0ad02eac4")]
    [InlineData("halo, apa kabar? ✓", "sha256=c3dc222fe8fcf42bc23252f5e506c124966737a2e6c0ace2b042779018f1430d")]
    public void Known_vectors_sign_and_validate(string body, string signature)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.Equal(signature, WhatsAppCloudSignature.Compute(Secret, bytes));
        Assert.True(WhatsAppCloudSignature.IsValid(Secret, bytes, signature));
        Assert.True(WhatsAppCloudSignature.IsValid(Secret, bytes, signature.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal)));
    }

    [Fact]
    public void Anything_changed_fails()
    {
        var body = Encoding.UTF8.GetBytes("""{"object":"whatsapp_business_account","entry":[]}""");
        const string Signature = "sha256=54a69490a54636f68bda6d859aea5211297e3f23d98715aa74993cd0ad02eac4";

        Assert.False(WhatsAppCloudSignature.IsValid("another-secret", body, Signature));
        Assert.False(WhatsAppCloudSignature.IsValid(Secret, [.. body, (byte)' '], Signature));
        Assert.False(WhatsAppCloudSignature.IsValid(Secret, body, Signature[..^2]));
        Assert.False(WhatsAppCloudSignature.IsValid(Secret, body, Signature["sha256=".Length..]));
        Assert.False(WhatsAppCloudSignature.IsValid(Secret, body, "sha256=zz"));
        Assert.False(WhatsAppCloudSignature.IsValid(Secret, body, null));
        Assert.False(WhatsAppCloudSignature.IsValid("", body, Signature));
    }
}
