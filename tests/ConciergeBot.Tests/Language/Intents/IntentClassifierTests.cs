using ConciergeBot.Language.Intents;

namespace ConciergeBot.Tests.Language.Intents;

public sealed class IntentClassifierTests
{
    private static IntentClassifier Classifier => TrainedIntents.Classifier;

    [Theory]
    [InlineData("I need to move my appointment to thursday")]
    [InlineData("reshedule pls")]
    [InlineData("can we make it 4pm instead of 10am?")]
    [InlineData("something came up at work, could we do next week")]
    [InlineData("kak aku mau reschedule dong")]
    [InlineData("jadwl sy diundur ke sabtu ya min")]
    [InlineData("mohon maaf, janji temu saya bisa dipindah ke hari rabu?")]
    [InlineData("gan servis motor ane dimajuin jam 9 bisa?")]
    [InlineData("besok gak bisa dateng kak, bisa ganti hari?")]
    public void A_request_to_move_an_appointment_is_reschedule(string text)
    {
        AssertIntent(IntentNames.Reschedule, text);
    }

    [Theory]
    [InlineData("please cancel my appointment tomorrow")]
    [InlineData("cancle it")]
    [InlineData("never mind, forget it")]
    [InlineData("we don't need the technician anymore, cancel")]
    [InlineData("batalin aja kak")]
    [InlineData("gak jadi deh min, makasih")]
    [InlineData("mohon dibatalkan janji temu saya hari jumat")]
    [InlineData("udah ga usah dateng teknisinya")]
    public void Calling_something_off_is_cancel(string text)
    {
        AssertIntent(IntentNames.Cancel, text);
    }

    [Theory]
    [InlineData("the technician still hasn't shown up")]
    [InlineData("my aircon is leaking again since your visit")]
    [InlineData("you overcharged me")]
    [InlineData("the mechanic left a scratch on my door")]
    [InlineData("teknisinya gak dateng2 kak")]
    [InlineData("ac aku masih ga dingin padahal udah diservis")]
    [InlineData("mau komplain, pelayanannya jelek banget")]
    [InlineData("min mobil saya malah bunyi abis servis")]
    public void A_complaint_is_report_problem(string text)
    {
        AssertIntent(IntentNames.ReportProblem, text);
    }

    [Theory]
    [InlineData("I want to speak to a real person")]
    [InlineData("can someone from your team call me?")]
    [InlineData("stop the bot, connect me to customer service")]
    [InlineData("talk to agnt")]
    [InlineData("mau ngomong sama admin aja")]
    [InlineData("sambungin ke cs dong kak")]
    [InlineData("saya ingin berbicara dengan petugas")]
    [InlineData("bisa minta ditelpon aja gak min")]
    public void Asking_for_a_person_is_talk_to_agent(string text)
    {
        AssertIntent(IntentNames.TalkToAgent, text);
    }

    [Theory]
    [InlineData("hi there")]
    [InlineData("good morning!")]
    [InlineData("hellooo")]
    [InlineData("halo kak")]
    [InlineData("selamat siang min")]
    [InlineData("assalamualaikum")]
    [InlineData("p")]
    public void A_greeting_is_greeting(string text)
    {
        AssertIntent(IntentNames.Greeting, text);
    }

    [Theory]
    [InlineData("thanks, bye!")]
    [InlineData("thank you, that's all")]
    [InlineData("see you tomorrow")]
    [InlineData("makasih kak")]
    [InlineData("oke siap, terima kasih banyak")]
    [InlineData("udah itu aja min, makasih ya")]
    public void Thanks_and_farewells_are_goodbye(string text)
    {
        AssertIntent(IntentNames.Goodbye, text);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("what can you do?")]
    [InlineData("I'm confused, what should I type")]
    [InlineData("show me the menu")]
    [InlineData("bantuan")]
    [InlineData("bisa bantu apa aja kak?")]
    [InlineData("aku bingung caranya gimana")]
    public void Asking_how_this_works_is_help(string text)
    {
        AssertIntent(IntentNames.Help, text);
    }

    [Theory]
    [InlineData("what are your prices")]
    [InlineData("is it going to rain tomorrow")]
    [InlineData("where is your workshop")]
    [InlineData("I want to book a new appointment")]
    [InlineData("lol")]
    [InlineData("berapa harga servis ac?")]
    [InlineData("buka sampai jam berapa kak")]
    [InlineData("mau booking baru buat minggu depan")]
    [InlineData("wkwkwk")]
    public void Anything_outside_the_bot_is_none(string text)
    {
        AssertIntent(IntentNames.None, text);
    }

    [Theory]
    [InlineData("I want to reschedule my appointment", IntentNames.Reschedule)]
    [InlineData("saya mau ganti jadwal", IntentNames.Reschedule)]
    [InlineData("cancel my booking", IntentNames.Cancel)]
    [InlineData("mau bicara dengan petugas", IntentNames.TalkToAgent)]
    public void A_clear_request_is_classified_with_high_confidence(string text, string intent)
    {
        var prediction = Classifier.Classify(text);

        Assert.Equal(intent, prediction.Intent);
        Assert.True(prediction.Confidence >= 0.9, $"{text}: {prediction}");
        Assert.True(prediction.RunnerUpConfidence < 0.1, $"{text}: {prediction}");
    }

    [Theory]
    [InlineData("asdkjh qwpoe")]
    [InlineData("zxcvbnm")]
    [InlineData("jfjfjfjf lkj")]
    public void Gibberish_is_none_and_no_intent_gets_confidence(string text)
    {
        var prediction = Classifier.Classify(text);

        Assert.Equal(IntentNames.None, prediction.Intent);
        Assert.True(prediction.RunnerUpConfidence < 0.2, $"{text}: {prediction}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("👍")]
    [InlineData("?!")]
    [InlineData(null)]
    public void A_message_without_words_is_none(string? text)
    {
        var prediction = Classifier.Classify(text);

        Assert.Equal(IntentNames.None, prediction.Intent);
        Assert.False(prediction.IsUnsure);
    }

    [Fact]
    public void Below_the_threshold_the_intent_is_none_and_the_guess_becomes_the_runner_up()
    {
        var strict = IntentClassifier.Train(TrainedIntents.Examples, new IntentClassifierOptions { MinimumConfidence = 0.999 });

        var prediction = strict.Classify("can i move it");

        Assert.Equal(IntentNames.None, prediction.Intent);
        Assert.True(prediction.IsUnsure);
        Assert.Equal(IntentNames.Reschedule, prediction.RunnerUp);
        Assert.Equal(prediction.Confidence, prediction.RunnerUpConfidence);
        Assert.True(prediction.Confidence < 0.999);
    }

    [Fact]
    public void The_runner_up_is_the_second_reading_and_less_likely()
    {
        var prediction = Classifier.Classify("halo kak, mau ganti jadwal");

        Assert.Equal(IntentNames.Reschedule, prediction.Intent);
        Assert.NotEqual(prediction.Intent, prediction.RunnerUp);
        Assert.InRange(prediction.RunnerUpConfidence, 0, prediction.Confidence);
        Assert.True(prediction.Confidence + prediction.RunnerUpConfidence <= 1 + 1e-9);
    }

    [Fact]
    public void Training_twice_on_the_same_files_gives_the_same_model()
    {
        var again = IntentClassifier.Train(TrainedIntents.Examples);

        foreach (var text in new[] { "reshedule", "batalin", "mau komplain", "asdf", "kak aku mau reschedule dong" })
        {
            Assert.Equal(Classifier.Classify(text), again.Classify(text));
        }
    }

    [Fact]
    public void Classifying_from_many_threads_at_once_gives_the_same_answers()
    {
        var texts = TrainedIntents.Examples.Select(e => e.Text).Take(400).ToArray();
        var expected = texts.Select(Classifier.Classify).ToArray();
        var actual = new IntentPrediction[texts.Length];

        Parallel.For(0, texts.Length * 5, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i % texts.Length] = Classifier.Classify(texts[i % texts.Length]));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Training_needs_at_least_two_intents()
    {
        Assert.Throws<ArgumentException>(() => IntentClassifier.Train([new IntentExample("hi", IntentNames.Greeting)]));
    }

    private static void AssertIntent(string expected, string text)
    {
        var prediction = Classifier.Classify(text);
        Assert.True(prediction.Intent == expected, $"\"{text}\": expected {expected}, got {prediction}");
    }
}
