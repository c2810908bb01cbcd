using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ConciergeBot.Language;

/// <summary>
/// A satisfaction rating from 1 to 5, in whatever form a customer answers "how did we do?", in
/// English or Indonesian: a number ("4", "4/5", "5 dari 5", "8/10", "nilai 4"), stars ("⭐⭐⭐⭐",
/// "****", "★★★☆☆", "4 bintang", "five stars"), emoji, or words, with negations ("tidak bagus",
/// "not great" = 2, "not bad" = 4) and intensifiers ("bagus banget", "very bad", "keren parah").
/// Null when the text holds no rating.
/// <para>
/// Emoji: 😡 🤬 😠 and two or more 👎 = 1; 😞 😔 🙁 ☹️ 😕 😟 😢 and one 👎 = 2; 😐 😑 😶 🤷 = 3;
/// 🙂 😊 👌 and one 👍 = 4; 😍 🤩 🥰 ❤️ 💯 🔥 👏 😁 😄 😃 and two or more 👍 = 5.
/// Words: "great", "mantap", "bagus banget" = 5; "good", "ok", "oke", "bagus", "puas", "lumayan" = 4;
/// "biasa aja", "so so", "standar" = 3; "kecewa", "bad", "jelek", "kurang" = 2;
/// "terrible", "parah", "buruk sekali", "worst" = 1.
/// </para>
/// When several signs agree in direction the strongest wins ("mantap, ramah" = 5, "kecewa 😡" = 1);
/// when they pull apart they are averaged, a half rounded away from the middle ("bagus tapi telat" = 3).
/// </summary>
public static partial class SatisfactionRecognizer
{
    private const int Neutral = 3;

    private static readonly string[] NumberWords = ["one", "two", "three", "four", "five", "satu", "dua", "tiga", "empat", "lima"];

    private static readonly Dictionary<string, int> Words = Lexicon(
        terrible:
        [
            "terrible", "awful", "horrible", "worst", "the worst", "hate it", "useless", "pathetic", "disgusting", "never again",
            "waste of money", "parah", "payah", "ancur", "hancur", "zonk", "kapok", "sampah", "buang uang", "rugi",
        ],
        bad:
        [
            "bad", "poor", "disappointed", "disappointing", "unhappy", "dissatisfied", "unsatisfied", "slow", "late", "rude",
            "kecewa", "mengecewakan", "kurang", "jelek", "buruk", "lambat", "lelet", "telat", "kasar", "jutek",
        ],
        neutral:
        [
            "average", "so so", "so-so", "meh", "mediocre", "neutral", "normal", "nothing special", "could be better",
            "biasa", "biasa aja", "biasa saja", "b aja", "standar", "standard", "cukup", "bisa lebih baik",
        ],
        good:
        [
            "good", "nice", "ok", "okay", "oke", "okey", "fine", "satisfied", "happy", "pleased", "pretty good", "good job", "well done",
            "friendly", "fast", "quick", "professional", "helpful", "bagus", "baik", "puas", "senang", "memuaskan", "lumayan", "sip",
            "ramah", "cepat", "rapi", "bersih", "profesional", "membantu",
        ],
        great:
        [
            "great", "excellent", "perfect", "amazing", "awesome", "fantastic", "outstanding", "superb", "wonderful", "brilliant",
            "best", "the best", "love it", "loved it", "top", "recommended", "mantap", "mantab", "mantep", "mantul", "keren", "jos",
            "joss", "luar biasa", "sempurna", "terbaik", "juara", "hebat", "istimewa", "top markotop", "rekomen", "sangat memuaskan",
        ]);

    /// <summary>Words that turn what follows around: "not good" = 2, "gak jelek" = 4.</summary>
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "isnt", "wasnt", "arent", "werent", "dont", "didnt", "doesnt", "never", "no",
        "tidak", "tdk", "gak", "ga", "gk", "nggak", "ngga", "enggak", "engga", "ndak", "nda", "tak", "bukan", "kurang", "belum",
    };

    /// <summary>Words that push what they touch to the end of the scale: "very good" = 5, "kecewa banget" = 1.</summary>
    private static readonly HashSet<string> IntensifiersBefore = new(StringComparer.Ordinal)
    {
        "very", "really", "so", "super", "extremely", "totally", "truly", "sangat", "amat", "sungguh", "paling",
    };

    private static readonly HashSet<string> IntensifiersAfter = new(StringComparer.Ordinal)
    {
        "banget", "bgt", "bngt", "sekali", "skali", "parah", "pol", "abis", "bener", "beneran",
    };

    // Read "not" before "very" from the inside out: "not very good" = not(very(good)) = 2.
    private static readonly Dictionary<int, int> Negated = new() { [5] = 2, [4] = 2, [3] = 3, [2] = 4, [1] = 3 };

    // A number that follows these is a time or a date, not a rating: "jam 3", "tgl 5".
    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal)
    {
        "jam", "pukul", "pkl", "tgl", "tanggal", "hari", "at", "on", "no", "nomor", "nomer", "number", "ke",
    };

    public static int? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var lower = text.ToLowerInvariant();
        return Explicit(lower) ?? Stars(text) ?? BareNumber(TextNormalizer.Words(text)) ?? Combine(Signs(text));
    }

    // "4/5", "5 dari 5", "8/10", "4 bintang", "bintang 4", "five stars", "nilai 4", "I'd give it a 4".
    private static int? Explicit(string lower)
    {
        var fraction = Fraction().Match(lower);
        if (fraction.Success)
        {
            var value = Number(fraction.Groups["value"].Value);
            var scale = int.Parse(fraction.Groups["scale"].Value, CultureInfo.InvariantCulture);
            if (value is { } v && scale is 5 or 10 or 100 && v <= scale)
            {
                return Clamp(v * 5 / scale);
            }
        }

        var stars = StarCount().Match(lower);
        if (stars.Success)
        {
            var group = stars.Groups["before"].Success ? stars.Groups["before"] : stars.Groups["after"];
            if (Number(group.Value) is { } v and >= 1 and <= 5)
            {
                return Clamp(v);
            }
        }

        var given = GivenScore().Match(lower);
        if (given.Success && Number(given.Groups["value"].Value) is { } score)
        {
            return score switch
            {
                >= 1 and <= 5 => Clamp(score),
                > 5 and <= 10 => Clamp(score / 2),
                100 => 5,
                _ => null,
            };
        }

        return null;
    }

    // Filled stars only ("★★★☆☆" = 3); asterisks only as a group of their own ("****", not "*bagus*").
    private static int? Stars(string text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is 0x2B50 or 0x1F31F or 0x2605)
            {
                count++;
            }
        }

        if (count == 0)
        {
            var asterisks = Asterisks().Match(text);
            count = asterisks.Success ? asterisks.Length : 0;
        }

        return count == 0 ? null : Math.Min(count, 5);
    }

    // "4", "5!", "5 kak", "mantap 5": one number from 1 to 5 that opens or closes a short message.
    private static int? BareNumber(string[] words)
    {
        if (words.Length is 0 or > 5)
        {
            return null;
        }

        var numbers = Enumerable.Range(0, words.Length).Where(i => Number(words[i]) is not null).ToList();
        if (numbers.Count != 1)
        {
            return null;
        }

        var at = numbers[0];
        if ((at != 0 && at != words.Length - 1) || (at > 0 && TimeWords.Contains(words[at - 1])))
        {
            return null;
        }

        return Number(words[at]) is { } n and >= 1 and <= 5 ? (int)n : null;
    }

    private static List<int> Signs(string text)
    {
        var signs = Emoji(text);
        var words = TextNormalizer.Words(text).Select(w => new string([.. w.Where(c => c != ':' && c != '/' && c != '#' && c != '+')])).ToArray();
        for (var i = 0; i < words.Length;)
        {
            if (Phrase(words, i) is not { } found)
            {
                i++;
                continue;
            }

            var score = found.Score;
            var end = i + found.Length;

            // "bagus banget", "keren parah": an intensifier right after makes the reading stronger.
            if (end < words.Length && IntensifiersAfter.Contains(words[end]))
            {
                score = Intensify(score);
                end++;
            }

            // Modifiers right before, read from the nearest outwards.
            for (var j = i - 1; j >= 0 && j >= i - 3; j--)
            {
                if (IntensifiersBefore.Contains(words[j]))
                {
                    score = Intensify(score);
                }
                else if (Negations.Contains(words[j]))
                {
                    score = Negated[score];
                }
                // Softeners and "too" pass through: "tidak terlalu bagus" is still a "not good".
                else if (words[j] is not ("cukup" or "lumayan" or "pretty" or "quite" or "that" or "itu" or "too" or "terlalu" or "begitu"))
                {
                    break;
                }
            }

            signs.Add(score);
            i = end;
        }

        return signs;
    }

    private static (int Score, int Length)? Phrase(string[] words, int start)
    {
        // A modifier is not a sign by itself when a sign follows it ("kurang bagus", "cukup puas").
        if ((Negations.Contains(words[start]) || words[start] is "cukup" or "lumayan")
            && start + 1 < words.Length && Phrase(words, start + 1) is not null)
        {
            return null;
        }

        for (var length = Math.Min(3, words.Length - start); length >= 1; length--)
        {
            var phrase = string.Join(' ', words, start, length);
            if (Words.TryGetValue(phrase, out var score) || Words.TryGetValue(Squeeze(phrase, 2), out score) || Words.TryGetValue(Squeeze(phrase, 1), out score))
            {
                // "parah" after a sign is an intensifier ("keren parah"), read with the sign before it.
                if (phrase == "parah" && start > 0 && Words.ContainsKey(words[start - 1]))
                {
                    return null;
                }

                return (score, length);
            }
        }

        return null;
    }

    private static List<int> Emoji(string text)
    {
        var signs = new List<int>();
        var up = 0;
        var down = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case 0x1F44D:
                    up++;
                    break;
                case 0x1F44E:
                    down++;
                    break;
                case 0x1F621 or 0x1F92C or 0x1F620:
                    signs.Add(1);
                    break;
                case 0x1F61E or 0x1F614 or 0x1F641 or 0x2639 or 0x1F615 or 0x1F61F or 0x1F622:
                    signs.Add(2);
                    break;
                case 0x1F610 or 0x1F611 or 0x1F636 or 0x1F937:
                    signs.Add(3);
                    break;
                case 0x1F642 or 0x1F60A or 0x1F44C:
                    signs.Add(4);
                    break;
                case 0x1F60D or 0x1F929 or 0x1F970 or 0x2764 or 0x1F4AF or 0x1F525 or 0x1F44F or 0x1F601 or 0x1F604 or 0x1F603:
                    signs.Add(5);
                    break;
            }
        }

        if (up > 0)
        {
            signs.Add(up >= 2 ? 5 : 4);
        }

        if (down > 0)
        {
            signs.Add(down >= 2 ? 1 : 2);
        }

        return signs;
    }

    // Signs that agree: the strongest. Signs that disagree: the average, a half away from the middle.
    private static int? Combine(List<int> signs)
    {
        if (signs.Count == 0)
        {
            return null;
        }

        if (signs.All(s => s > Neutral))
        {
            return signs.Max();
        }

        if (signs.All(s => s < Neutral))
        {
            return signs.Min();
        }

        var average = signs.Average();
        var fromMiddle = Math.Round(Math.Abs(average - Neutral), MidpointRounding.AwayFromZero);
        return Clamp(Neutral + (Math.Sign(average - Neutral) * fromMiddle));
    }

    private static int Intensify(int score) => score > Neutral ? 5 : score < Neutral ? 1 : score;

    private static int Clamp(double value) => (int)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), 1, 5);

    private static double? Number(string text)
    {
        var word = Array.IndexOf(NumberWords, text);
        if (word >= 0)
        {
            return (word % 5) + 1;
        }

        return double.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static Dictionary<string, int> Lexicon(string[] terrible, string[] bad, string[] neutral, string[] good, string[] great)
    {
        string[][] byScore = [terrible, bad, neutral, good, great];
        return byScore
            .SelectMany((phrases, i) => phrases.Select(phrase => (Phrase: phrase, Score: i + 1)))
            .ToDictionary(x => x.Phrase, x => x.Score, StringComparer.Ordinal);
    }

    private static string Squeeze(string text, int keep)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var run = 0;
            for (var k = result.Length - 1; k >= 0 && result[k] == c; k--)
            {
                run++;
            }

            if (run < keep || !char.IsLetter(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"(?<![\d.,])(?<value>\d{1,3}(?:[.,]\d)?)\s*(?:/|dari|out of|of)\s*(?<scale>\d{1,3})(?![\d/])")]
    private static partial Regex Fraction();

    [GeneratedRegex(@"(?:(?<![\d.,])(?<before>\d|one|two|three|four|five|satu|dua|tiga|empat|lima)\s*(?:bintang|stars?|⭐|🌟|★))|(?:(?:bintang|stars?)\s*(?<after>\d|satu|dua|tiga|empat|lima)(?![\d.,]))")]
    private static partial Regex StarCount();

    [GeneratedRegex(@"\b(?:rating|rate|rated|nilai|nilainya|skor|score|kasih|beri|kasi|give|gave)\b\D{0,12}?(?<value>\d{1,3})(?![\d.,/])")]
    private static partial Regex GivenScore();

    [GeneratedRegex(@"(?<![\S])\*{1,10}(?![\S])")]
    private static partial Regex Asterisks();
}
