using ConciergeBot.Language;

namespace ConciergeBot.Tests.Language.Intents;

public sealed class SatisfactionRecognizerTests
{
    [Theory]
    [InlineData("4", 4)]
    [InlineData("5!", 5)]
    [InlineData("1", 1)]
    [InlineData("4 kak", 4)]
    [InlineData("4/5", 4)]
    [InlineData("5 dari 5", 5)]
    [InlineData("3 out of 5", 3)]
    [InlineData("8/10", 4)]
    [InlineData("10/10 mantap", 5)]
    [InlineData("nilai 4", 4)]
    [InlineData("I'd give it a 4", 4)]
    [InlineData("kasih 5 deh", 5)]
    public void A_number_is_the_rating(string text, int expected)
    {
        Assert.Equal(expected, SatisfactionRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("⭐⭐⭐⭐", 4)]
    [InlineData("⭐⭐⭐⭐⭐ mantap", 5)]
    [InlineData("****", 4)]
    [InlineData("★★★☆☆", 3)]
    [InlineData("4 bintang", 4)]
    [InlineData("bintang 5", 5)]
    [InlineData("4 stars", 4)]
    [InlineData("five stars!", 5)]
    [InlineData("lima bintang kak", 5)]
    [InlineData("3⭐", 3)]
    public void Stars_are_counted_or_read(string text, int expected)
    {
        Assert.Equal(expected, SatisfactionRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("😡", 1)]
    [InlineData("👎👎", 1)]
    [InlineData("😞", 2)]
    [InlineData("🙁", 2)]
    [InlineData("👎", 2)]
    [InlineData("😐", 3)]
    [InlineData("🙂", 4)]
    [InlineData("👍", 4)]
    [InlineData("👍🏽", 4)]
    [InlineData("👍👍", 5)]
    [InlineData("😍", 5)]
    [InlineData("🤩", 5)]
    [InlineData("❤️", 5)]
    public void Emoji_map_to_the_documented_ratings(string text, int expected)
    {
        Assert.Equal(expected, SatisfactionRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("great", 5)]
    [InlineData("good", 4)]
    [InlineData("terrible", 1)]
    [InlineData("not great", 2)]
    [InlineData("not good", 2)]
    [InlineData("not bad", 4)]
    [InlineData("not very good", 2)]
    [InlineData("very good", 5)]
    [InlineData("so-so", 3)]
    [InlineData("bagus banget", 5)]
    [InlineData("mantap", 5)]
    [InlineData("mantaaap kak", 5)]
    [InlineData("keren parah", 5)]
    [InlineData("oke", 4)]
    [InlineData("lumayan", 4)]
    [InlineData("biasa aja", 3)]
    [InlineData("kecewa", 2)]
    [InlineData("tidak bagus", 2)]
    [InlineData("kurang puas", 2)]
    [InlineData("tidak terlalu bagus", 2)]
    [InlineData("gak jelek kok", 4)]
    [InlineData("sangat puas", 5)]
    [InlineData("sangat tidak puas", 1)]
    [InlineData("parah", 1)]
    [InlineData("pelayanannya parah", 1)]
    [InlineData("buruk sekali", 1)]
    public void Words_are_read_with_negations_and_intensifiers(string text, int expected)
    {
        Assert.Equal(expected, SatisfactionRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("mantap, teknisinya ramah dan cepat", 5)]
    [InlineData("kecewa 😡", 1)]
    [InlineData("bagus 👍👍", 5)]
    [InlineData("bagus tapi teknisinya telat", 3)]
    [InlineData("great but a bit slow", 4)]
    public void Several_signs_agree_to_the_strongest_or_average_when_they_disagree(string text, int expected)
    {
        Assert.Equal(expected, SatisfactionRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("terima kasih")]
    [InlineData("jam 3")]
    [InlineData("besok")]
    [InlineData("what?")]
    [InlineData("5/12")]
    [InlineData("12")]
    [InlineData("*penting*")]
    public void Text_without_a_rating_is_null(string? text)
    {
        Assert.Null(SatisfactionRecognizer.Recognize(text));
    }
}
