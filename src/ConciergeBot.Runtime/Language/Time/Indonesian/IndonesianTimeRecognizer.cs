namespace ConciergeBot.Language.Time.Indonesian;

/// <summary>
/// Finds dates and times in Indonesian customer chat — "bisa dipindah ke besok jam 3 sore?", "tgl 5/12
/// jam 10", "setengah tiga besok", "Rabu depan", "next Friday afternoon" — and resolves them on the
/// business's calendar. A hand-written tokenizer and rules over word tables: no regular expressions to
/// backtrack, no allocation beyond the tokens, so a message takes microseconds. Stateless and thread-safe.
/// Past expressions ("kemarin", "2 minggu lalu") are recognised and deliberately not returned.
/// </summary>
public sealed class IndonesianTimeRecognizer : ITimeRecognizer
{
    public string Language => "id";

    public IReadOnlyList<TimeMention> Recognize(string text, TimeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = IndonesianTokenizer.Tokenize(text);
        var mentions = new List<TimeMention>();
        foreach (var expression in new ExpressionParser(tokens).Parse())
        {
            var readings = ExpressionResolver.Resolve(expression, context);
            if (readings.Count == 0)
            {
                continue;
            }

            var start = tokens[expression.First].Start;
            var end = tokens[expression.Last].End;
            var alternatives = readings.Skip(1).Where(reading => reading != readings[0]).Distinct().ToArray();
            mentions.Add(new TimeMention(text[start..end], start, readings[0], alternatives));
        }

        return mentions;
    }
}
