using System.Text;
using System.Text.Json;
using ConciergeBot.Channels.WhatsAppCloud;

namespace ConciergeBot.Tests.Channels.WhatsAppCloud;

/// <summary>Meta's notification shapes (as in its webhook reference) read into messages and statuses.</summary>
public sealed class WhatsAppCloudNotificationTests
{
    [Fact]
    public void Every_kind_of_message_becomes_text_a_choice_or_a_file_and_reactions_are_left_out()
    {
        var notification = Parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
              "messaging_product":"whatsapp","metadata":{"display_phone_number":"6281100001111","phone_number_id":"PN1"},
              "contacts":[{"profile":{"name":"Budi"},"wa_id":"6281234567890"}],
              "messages":[
                {"from":"6281234567890","id":"wamid.1","timestamp":"1","type":"text","text":{"body":"halo"}},
                {"from":"6281234567890","id":"wamid.2","timestamp":"1","type":"button","button":{"payload":"confirm-visit","text":"Ya, datang"}},
                {"from":"6281234567890","id":"wamid.3","timestamp":"1","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"Waktu lain","title":"Waktu lain"}}},
                {"from":"6281234567890","id":"wamid.4","timestamp":"1","type":"document","document":{"id":"MEDIA9","mime_type":"application/pdf","filename":"nota.pdf"}},
                {"from":"6281234567890","id":"wamid.5","timestamp":"1","type":"reaction","reaction":{"message_id":"wamid.OUT1","emoji":"👍"}}
              ]}}]}]}
            """);

        Assert.Equal(["halo", "confirm-visit", "Waktu lain", ""], notification.Messages.Select(m => m.Text));
        Assert.All(notification.Messages, m => Assert.Equal(("Budi", "PN1"), (m.ProfileName, m.PhoneNumberId)));
        Assert.Equal(new CloudMedia("MEDIA9", "application/pdf", "nota.pdf"), notification.Messages[3].Media);
        Assert.Empty(notification.Statuses);
    }

    [Fact]
    public void Statuses_carry_their_first_error()
    {
        var notification = Parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
              "messaging_product":"whatsapp","metadata":{"phone_number_id":"PN1"},
              "statuses":[
                {"id":"wamid.OUT1","status":"delivered","timestamp":"1","recipient_id":"6281234567890"},
                {"id":"wamid.OUT2","status":"failed","timestamp":"1","recipient_id":"6281234567890","errors":[{"code":131047,"title":"Re-engagement message"}]}
              ]}}]}]}
            """);

        Assert.Equal(
            [new CloudStatus("wamid.OUT1", "delivered", "PN1", null, null), new CloudStatus("wamid.OUT2", "failed", "PN1", 131047, "Re-engagement message")],
            notification.Statuses);
        Assert.Null(WhatsAppCloudErrors.DeliveryFailure(notification.Statuses[0]));
        Assert.Equal("WhatsApp: failed (131047: outside WhatsApp's 24-hour window: only an approved template may be sent)", WhatsAppCloudErrors.DeliveryFailure(notification.Statuses[1]));
    }

    [Fact]
    public void Json_of_another_shape_holds_nothing_and_text_that_is_not_json_throws()
    {
        Assert.Empty(Parse("""{"object":"page","entry":"x"}""").Messages);
        Assert.ThrowsAny<JsonException>(() => Parse("not json"));
    }

    private static WhatsAppCloudNotification Parse(string json) => WhatsAppCloudNotification.Parse(Encoding.UTF8.GetBytes(json));
}
