using ConciergeBot.Channels;

namespace ConciergeBot.Tests.Channels;

/// <summary>Long replies in parts every channel can carry: at paragraph, sentence or word breaks, never inside an emoji.</summary>
public sealed class MessageSplitterTests
{
    [Fact]
    public void A_short_text_is_one_message()
    {
        Assert.Equal(["Hello"], MessageSplitter.Split("Hello", 4096));
    }

    [Fact]
    public void A_long_text_is_cut_at_a_sentence_and_no_part_is_over_the_limit()
    {
        var text = string.Join(" ", Enumerable.Repeat("One sentence here.", 20));

        var parts = MessageSplitter.Split(text, 100);

        Assert.All(parts, p => Assert.True(p.Length <= 100));
        Assert.All(parts, p => Assert.EndsWith(".", p, StringComparison.Ordinal));
        Assert.Equal(text, string.Join(" ", parts));
    }

    [Fact]
    public void Paragraphs_are_preferred_to_sentences()
    {
        var text = new string('a', 60) + ". " + new string('b', 10) + "\n\n" + new string('c', 50);

        Assert.Equal([new string('a', 60) + ". " + new string('b', 10), new string('c', 50)], MessageSplitter.Split(text, 100));
    }

    [Fact]
    public void A_text_without_breaks_is_cut_hard_but_never_inside_an_emoji()
    {
        var text = new string('x', 99) + "😀" + new string('y', 20);

        var parts = MessageSplitter.Split(text, 100);

        Assert.Equal(new string('x', 99), parts[0]);
        Assert.StartsWith("😀", parts[1], StringComparison.Ordinal);
    }
}
