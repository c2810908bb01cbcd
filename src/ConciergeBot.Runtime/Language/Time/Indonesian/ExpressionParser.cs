using System.Collections.Frozen;

namespace ConciergeBot.Language.Time.Indonesian;

/// <summary>
/// Finds time expressions in the tokens of one message. Each expression is built from pieces — a day,
/// a part of the day, a clock time — found next to each other in any order ("besok jam 3 sore",
/// "jam 3 besok", "besok sore jam 4"), possibly with chat filler between them ("besok aja ya kak jam 3")
/// or a few other words in the same clause ("besok bisa ga jam 3?"), because customers say the day
/// and the time of one appointment in one breath. One instance per message; not shared between threads.
/// </summary>
internal sealed partial class ExpressionParser(IReadOnlyList<Token> tokens)
{
    // "besok saya sama istri jam 3": up to three other words may sit between a day and its time.
    private const int MaxWordsBetweenPieces = 3;

    // A piece depends only on the tokens, and joining looks ahead over tokens the main loop visits again.
    private readonly TimeExpression?[] _pieces = new TimeExpression?[tokens.Count];
    private readonly bool[] _looked = new bool[tokens.Count];

    public List<TimeExpression> Parse()
    {
        var found = new List<TimeExpression>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (PieceAt(i) is not { } expression)
            {
                i++;
                continue;
            }

            while (NextPieceToJoin(expression) is { } more)
            {
                expression = expression.Join(more);
            }

            if (WordIn(expression.First - 1, IndonesianWords.Recurring))
            {
                expression = expression with { Ignored = true };
            }

            found.Add(expression);
            i = expression.Last + 1;
        }

        ShareDays(found);
        return found;
    }

    private TimeExpression? PieceAt(int i)
    {
        if (i >= tokens.Count)
        {
            return null;
        }

        if (!_looked[i])
        {
            _pieces[i] = ReadPieceAt(i);
            _looked[i] = true;
        }

        return _pieces[i];
    }

    private TimeExpression? ReadPieceAt(int i)
    {
        // "nanti sore", "ntar malam": later today.
        if (WordIn(i, IndonesianWords.Soon))
        {
            return PieceAt(i + 1) is { } later
                ? later with { First = i, Part = later.Part is { } part ? part with { Today = true } : null }
                : null;
        }

        // "tadi pagi", "tadi jam 3": earlier today, past.
        if (WordIn(i, IndonesianWords.Earlier))
        {
            return PieceAt(i + 1) is { } earlier && (earlier.Part is not null || earlier.Clock is not null)
                ? earlier with { First = i, Ignored = true }
                : null;
        }

        return DurationAt(i) ?? DateAt(i) ?? ClockAt(i) ?? DayPartAt(i);
    }

    private TimeExpression? NextPieceToJoin(TimeExpression expression)
    {
        var comma = false;
        var words = 0;
        for (var i = expression.Last + 1; i < tokens.Count; i++)
        {
            if (PieceAt(i) is { } piece)
            {
                return expression.CanJoin(piece) ? piece : null;
            }

            var token = tokens[i];
            if (token.IsMark(','))
            {
                comma = true;
            }
            else if (token.IsWord && IndonesianWords.Fillers.Contains(token.Value))
            {
                continue;
            }
            else if (token.Kind == TokenKind.Mark || (token.IsWord && IndonesianWords.Separators.Contains(token.Value)))
            {
                return null;
            }
            else
            {
                words++;
            }

            // A comma ends the clause once other words are involved: "besok saya kerja, sore aja" are two answers.
            if (words > MaxWordsBetweenPieces || (words > 0 && comma))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// "besok jam 10 atau jam 3": a time listed right after a dated one shares its day, as a
    /// receptionist would read it.
    /// </summary>
    private void ShareDays(List<TimeExpression> found)
    {
        for (var k = 1; k < found.Count; k++)
        {
            var previous = found[k - 1];
            var current = found[k];
            if (current.Date is null && (current.Clock is not null || current.Part is not null) && !current.Ignored
                && previous.Date is { StandsAlone: false } && !previous.Ignored && OnlyListWordsBetween(previous.Last + 1, current.First))
            {
                found[k] = current with { Date = previous.Date };
            }
        }
    }

    private bool OnlyListWordsBetween(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var token = tokens[i];
            var listWord = token.IsMark(',') || token.IsMark('/')
                || (token.IsWord && (token.Value is "atau" or "or" or "dan" or "and" || IndonesianWords.Fillers.Contains(token.Value)));
            if (!listWord)
            {
                return false;
            }
        }

        return true;
    }

    private bool WordIn(int i, FrozenSet<string> words) => i >= 0 && i < tokens.Count && tokens[i].IsWord && words.Contains(tokens[i].Value);

    private bool WordIs(int i, string word) => i >= 0 && i < tokens.Count && tokens[i].Is(word);

    private bool MarkIs(int i, char mark) => i >= 0 && i < tokens.Count && tokens[i].IsMark(mark);

    private int SkipDot(int i) => MarkIs(i, '.') || MarkIs(i, ':') ? i + 1 : i;

    /// <summary>"tiga", "dua belas", "dua puluh lima", "sepuluh".</summary>
    private bool WordNumberAt(int i, out int value, out int last)
    {
        value = 0;
        last = i;
        if (i >= tokens.Count || !tokens[i].IsWord || !IndonesianWords.SmallNumbers.TryGetValue(tokens[i].Value, out value))
        {
            return false;
        }

        if (value is >= 2 and <= 9 && WordIs(i + 1, "belas"))
        {
            value += 10;
            last = i + 1;
        }
        else if (value is >= 2 and <= 5 && WordIs(i + 1, "puluh"))
        {
            value *= 10;
            last = i + 1;
            if (i + 2 < tokens.Count && tokens[i + 2].IsWord && IndonesianWords.SmallNumbers.TryGetValue(tokens[i + 2].Value, out var ones) && ones <= 9)
            {
                value += ones;
                last = i + 2;
            }
        }

        return true;
    }

    /// <summary>A plain number or number words: "3", "tiga", "dua belas".</summary>
    private bool CountAt(int i, out int value, out int last)
    {
        last = i;
        if (i < tokens.Count && tokens[i].Suffix.Length == 0 && NumberShapes.TryInteger(tokens[i], out value))
        {
            return true;
        }

        return WordNumberAt(i, out value, out last);
    }
}
