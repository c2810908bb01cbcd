using ConciergeBot.Activities;
using ConciergeBot.Customers;
using ConciergeBot.Language;

namespace ConciergeBot.Tests.Language;

public sealed class RecognizerTests
{
    private static readonly List<Choice> Menu =
    [
        new("reschedule", "Reschedule an appointment", ["ganti jadwal", "reschedule"]),
        new("problem", "Report a problem", ["masalah", "keluhan"]),
        new("human", "Talk to a person", ["petugas", "orang"]),
    ];

    [Theory]
    [InlineData("1", "reschedule")]
    [InlineData("no 2", "problem")]
    [InlineData("yang ketiga", "human")]
    [InlineData("the second one", "problem")]
    [InlineData("yg pertama", "reschedule")]
    [InlineData("first", "reschedule")]
    [InlineData("Report a problem", "problem")]
    [InlineData("report a PROBLEM!!", "problem")]
    [InlineData("saya mau ganti jadwal dong", "reschedule")]
    [InlineData("ada keluhan nih", "problem")]
    public void A_choice_is_found_by_number_title_or_synonym(string text, string expected)
    {
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Menu)?.Value);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("purple")]
    [InlineData("masalah ganti jadwal")]
    [InlineData("")]
    public void An_answer_that_fits_no_choice_or_several_is_not_a_choice(string text)
    {
        Assert.Null(ChoiceRecognizer.Recognize(text, Menu));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Iya dong", true)]
    [InlineData("ok", true)]
    [InlineData("boleh", true)]
    [InlineData("gak", false)]
    [InlineData("nggak usah", false)]
    [InlineData("no thanks", false)]
    [InlineData("tidak", false)]
    [InlineData("maybe", null)]
    public void Yes_and_no_are_understood_in_both_languages(string text, bool? expected)
    {
        Assert.Equal(expected, ConfirmRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("halo", "id")]
    [InlineData("kak aku mau reschedule dong", "id")]
    [InlineData("selamat pagi, bisa ganti jadwal?", "id")]
    [InlineData("hi", "en")]
    [InlineData("I want to move my appointment", "en")]
    [InlineData("next Monday jam 10 bisa?", "id")]
    [InlineData("2", null)]
    [InlineData("👍", null)]
    public void The_language_of_a_message_is_detected_from_its_words(string text, string? expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("English please", "en")]
    [InlineData("can we speak english?", "en")]
    [InlineData("bahasa Indonesia saja", "id")]
    [InlineData("pakai bahasa indonesia dong", "id")]
    [InlineData("I live in Indonesia and my car broke down last week", null)]
    [InlineData("halo", null)]
    public void An_explicit_request_switches_language(string text, string? expected)
    {
        Assert.Equal(expected, LanguageSwitch.Requested(text));
    }

    [Theory]
    [InlineData("talk to a person", Intent.Human)]
    [InlineData("bisa bicara dengan petugas?", Intent.Human)]
    [InlineData("cs", Intent.Human)]
    [InlineData("batal", Intent.Cancel)]
    [InlineData("gak jadi", Intent.Cancel)]
    [InlineData("bantuan", Intent.Help)]
    [InlineData("the mechanic did not help at all", Intent.None)]
    [InlineData("the mechanic did not help and the car is broken", Intent.ReportProblem)]
    [InlineData("kak aku mau reschedule dong", Intent.Reschedule)]
    [InlineData("selamat pagi", Intent.Greeting)]
    [InlineData("pagi kak", Intent.Greeting)]
    [InlineData("besok jam 3 sore", Intent.None)]
    [InlineData("malam ini bisa?", Intent.None)]
    [InlineData("my order number is 12", Intent.None)]
    public void Intents_are_found_without_mistaking_a_word_inside_a_sentence(string text, Intent expected)
    {
        Assert.Equal(expected, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("2", "en", 2)]
    [InlineData("1.5", "en", 1.5)]
    [InlineData("1,500", "en", 1500)]
    [InlineData("1,5", "id", 1.5)]
    [InlineData("150.000", "id", 150000)]
    [InlineData("dua", "id", 2)]
    [InlineData("about twelve", "en", 12)]
    public void Numbers_are_read_in_the_language_s_own_style(string text, string language, double expected)
    {
        Assert.Equal((decimal)expected, ConciergeBot.Dialogs.Prompts.NumberPrompt.Recognize(text, language));
    }

    [Theory]
    [InlineData("+6281234567890", "+6281234567890")]
    [InlineData("whatsapp:+6281234567890", "+6281234567890")]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("budi", null)]
    [InlineData("12345", null)]
    public void Phone_numbers_become_E164(string raw, string? expected)
    {
        Assert.Equal(expected, CustomerAddresses.NormalizePhone(raw));
    }

    [Fact]
    public void Sms_and_WhatsApp_from_one_number_are_one_customer_address()
    {
        Assert.Equal(CustomerAddresses.FromChannel("sms", "+6281234567890"), CustomerAddresses.FromChannel("whatsapp", "whatsapp:+6281234567890"));
    }

    [Theory]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("14155550123", "+14155550123")]
    public void WhatsApp_Cloud_numbers_without_a_plus_are_the_same_phone_address(string from, string phone)
    {
        Assert.Equal((CustomerAddresses.Phone, phone), CustomerAddresses.FromChannel("whatsapp-cloud", from));
    }
}
