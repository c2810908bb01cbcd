using ConciergeBot.Activities;
using ConciergeBot.Channels.WhatsAppCloud;

namespace ConciergeBot.Tests.Channels.WhatsAppCloud;

/// <summary>Choices as reply buttons, a list or numbered text, by how many there are and how long their titles.</summary>
public sealed class WhatsAppCloudRenderingTests
{
    [Fact]
    public void Up_to_three_short_choices_are_reply_buttons_whose_ids_are_the_choice_values()
    {
        var message = Assert.Single(Render("Pindahkan?", "Ya", "Tidak"));

        Assert.Equal("button", message["interactive"]!["type"]!.GetValue<string>());
        Assert.Equal("Pindahkan?", message["interactive"]!["body"]!["text"]!.GetValue<string>());
        Assert.Equal(
            """[{"type":"reply","reply":{"id":"Ya","title":"Ya"}},{"type":"reply","reply":{"id":"Tidak","title":"Tidak"}}]""",
            message["interactive"]!["action"]!["buttons"]!.ToJsonString());
    }

    [Fact]
    public void Four_to_ten_choices_or_a_title_too_long_for_a_button_make_a_list()
    {
        var four = Assert.Single(Render("Mana?", "Sen, 7 Des 08.00", "Sen, 7 Des 09.00", "Sen, 7 Des 10.00", "Waktu lain"));
        var longTitle = Assert.Single(Render("Ada yang bisa saya bantu?", "Ubah jadwal", "Bicara dengan petugas"));

        Assert.Equal("list", four["interactive"]!["type"]!.GetValue<string>());
        Assert.Equal("Pilih", four["interactive"]!["action"]!["button"]!.GetValue<string>());
        Assert.Equal(4, four["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray().Count);
        Assert.Equal("list", longTitle["interactive"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(11, 10)]
    [InlineData(2, 30)]
    public void More_than_ten_choices_or_titles_longer_than_a_row_are_a_numbered_list(int count, int titleLength)
    {
        var titles = Enumerable.Range(1, count).Select(i => $"{i}".PadRight(titleLength, 'x')).ToArray();

        var message = Assert.Single(Render("Mana?", titles));

        Assert.Equal("text", message["type"]!.GetValue<string>());
        Assert.EndsWith($"\n{count}. {titles[^1]}", message["text"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_text_is_split_between_sentences()
    {
        var text = string.Join(' ', Enumerable.Repeat("Ini kalimat yang cukup panjang untuk diulang.", 200));

        var parts = WhatsAppCloudRendering.Messages(MessageFactory.Text(text), "Pilih");

        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.True(p["text"]!["body"]!.GetValue<string>().Length <= WhatsAppCloudRendering.MaxTextLength));
        Assert.All(parts, p => Assert.EndsWith(".", p["text"]!["body"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    private static IReadOnlyList<System.Text.Json.Nodes.JsonObject> Render(string text, params string[] choices) =>
        WhatsAppCloudRendering.Messages(MessageFactory.Choices(text, choices.Select(c => new Choice(c, c))), "Pilih");
}
