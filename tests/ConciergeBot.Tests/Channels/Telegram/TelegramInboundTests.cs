using System.Text.Json;
using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Channels.Telegram;
using Telegram.Bot;
using Telegram.Bot.Types;
using static ConciergeBot.Tests.Channels.Telegram.TelegramUpdatesJson;

namespace ConciergeBot.Tests.Channels.Telegram;

/// <summary>How an update reads as an activity, before any I/O.</summary>
public sealed class TelegramInboundTests
{
    [Fact]
    public void Start_opens_the_conversation_in_the_users_language()
    {
        var inbound = Read(Command(1, 42, "/start welcome-campaign", "id"))!;

        Assert.Equal(ActivityTypes.ConversationUpdate, inbound.Activity.Type);
        Assert.Equal("id", inbound.Activity.Locale);
        Assert.Equal(("1", "42", "42"), (inbound.Activity.Id, inbound.Activity.Conversation!.Id, inbound.Activity.From!.Id));
    }

    [Theory]
    [InlineData("/stop", "stop")]
    [InlineData("/help@ConciergeBot", "help")]
    [InlineData("/cancel", "cancel")]
    [InlineData("/reschedule", "reschedule")]
    [InlineData("halo, mau ganti jadwal", "halo, mau ganti jadwal")]
    public void Commands_are_the_words_they_stand_for(string text, string expected)
    {
        Assert.Equal(expected, Read(Command(1, 42, text))!.Activity.Text);
    }

    [Fact]
    public void A_shared_contact_is_the_phone_number_and_links_only_the_senders_own()
    {
        var own = Read(Contact(1, 42, "6281234567890"))!;
        var someoneElse = Read(Contact(2, 42, "+6281298765432", contactUserId: 99))!;

        Assert.Equal("+6281234567890", own.Activity.Text);
        Assert.Equal(new SharedContact("+6281234567890", "Budi Santoso"), own.Contact);
        Assert.Equal("+6281298765432", someoneElse.Activity.Text);
        Assert.Null(someoneElse.Contact);
    }

    [Fact]
    public void A_photo_is_fetched_in_its_largest_size_with_the_caption_as_text()
    {
        var inbound = Read(Photo(1, 42, "look at this"))!;

        Assert.Equal("look at this", inbound.Activity.Text);
        Assert.Equal("photo-big", inbound.Files.Single().FileId);
    }

    [Fact]
    public void A_callback_for_a_long_choice_reads_the_buttons_text()
    {
        var buttons = new JsonArray(new JsonArray(new JsonObject { ["text"] = "Periodic service on Friday 4 December at 10:00 at the main workshop", ["callback_data"] = "#0" }));

        var inbound = Read(Callback(3, 42, "#0", buttons))!;

        Assert.Equal("Periodic service on Friday 4 December at 10:00 at the main workshop", inbound.Activity.Text);
        Assert.Equal("cq-3", inbound.CallbackQueryId);
    }

    [Fact]
    public void An_edited_message_is_not_answered()
    {
        var edited = new JsonObject { ["update_id"] = 5, ["edited_message"] = Text(5, 42, "typo")["message"]!.DeepClone() };

        Assert.Null(Read(edited));
    }

    private static TelegramInbound? Read(JsonObject update) =>
        TelegramInbound.Read(JsonSerializer.Deserialize<Update>(update.ToJsonString(), JsonBotAPI.Options)!);
}
