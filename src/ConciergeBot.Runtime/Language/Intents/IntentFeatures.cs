namespace ConciergeBot.Language.Intents;

/// <summary>
/// Turns a prepared message (<see cref="ClassifierText"/>) into the sparse features the intent
/// model weighs: its words, each also with doubled letters squeezed ("pagii" meets "pagi"); word
/// pairs, counting the start and end of the message, so that "hi" alone differs from "hi, can I…";
/// and the 2–5-letter pieces of each word with its edges marked, which is what puts "reshedule",
/// "jadwl" and "batalin" next to the spellings the model was taught. Each kind is scaled to unit
/// length and then weighted, so that the many letter pieces of a long word do not drown its words.
/// </summary>
internal sealed class IntentFeatures
{
    private const int ShortestPiece = 2;
    private const int LongestPiece = 5;
    private const float WordWeight = 1f;
    private const float PairWeight = 0.7f;
    private const float PieceWeight = 1f;

    private readonly Dictionary<string, int> index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private IntentFeatures(Dictionary<string, int> index)
    {
        this.index = index;
        lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private delegate void FeatureSink(ReadOnlySpan<char> key, Kind kind);

    private enum Kind
    {
        Word,
        Pair,
        Piece,
    }

    public int Count => index.Count;

    /// <summary>The vocabulary: every feature the training texts show, numbered in order of appearance.</summary>
    public static IntentFeatures Learn(IEnumerable<string> preparedTexts)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var text in preparedTexts)
        {
            Enumerate(text, (key, _) => lookup.TryAdd(key, index.Count));
        }

        return new IntentFeatures(index);
    }

    /// <summary>
    /// Known features with their weights, by ascending index. Unknown features still count in each
    /// kind's length, so a message of mostly unknown words gets small values and a modest confidence.
    /// </summary>
    public SparseFeatures Vectorize(string preparedText)
    {
        var known = new Dictionary<int, (float Count, Kind Kind)>();
        var squares = new float[3];
        Enumerate(preparedText, (key, kind) =>
        {
            if (lookup.TryGetValue(key, out var i))
            {
                var count = known.TryGetValue(i, out var seen) ? seen.Count + 1 : 1;
                known[i] = (count, kind);
            }
            else
            {
                squares[(int)kind] += 1;
            }
        });

        foreach (var (count, kind) in known.Values)
        {
            squares[(int)kind] += count * count;
        }

        Span<float> scale = [Scale(squares[0], WordWeight), Scale(squares[1], PairWeight), Scale(squares[2], PieceWeight)];
        var indices = known.Keys.Order().ToArray();
        var values = new float[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            var (count, kind) = known[indices[i]];
            values[i] = count * scale[(int)kind];
        }

        return new SparseFeatures(indices, values);
    }

    private static float Scale(float squares, float weight) => squares == 0 ? 0 : weight / MathF.Sqrt(squares);

    private static void Enumerate(string text, FeatureSink sink)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var buffer = new char[(2 * text.Length) + 8];
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            sink(Key(buffer, 'w', word), Kind.Word);
            var squeezed = Squeeze(word);
            if (squeezed != word)
            {
                sink(Key(buffer, 'w', squeezed), Kind.Word);
            }

            sink(Key(buffer, 'p', i == 0 ? "^" : words[i - 1], word), Kind.Pair);
            if (i == words.Length - 1)
            {
                sink(Key(buffer, 'p', word, "$"), Kind.Pair);
            }

            var marked = $"<{word}>";
            for (var n = ShortestPiece; n <= Math.Min(LongestPiece, marked.Length); n++)
            {
                for (var start = 0; start + n <= marked.Length; start++)
                {
                    sink(Key(buffer, 'c', marked.AsSpan(start, n)), Kind.Piece);
                }
            }
        }
    }

    private static ReadOnlySpan<char> Key(char[] buffer, char kind, ReadOnlySpan<char> text)
    {
        buffer[0] = kind;
        buffer[1] = ':';
        text.CopyTo(buffer.AsSpan(2));
        return buffer.AsSpan(0, text.Length + 2);
    }

    private static ReadOnlySpan<char> Key(char[] buffer, char kind, ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        buffer[0] = kind;
        buffer[1] = ':';
        first.CopyTo(buffer.AsSpan(2));
        buffer[first.Length + 2] = ' ';
        second.CopyTo(buffer.AsSpan(first.Length + 3));
        return buffer.AsSpan(0, first.Length + second.Length + 3);
    }

    private static string Squeeze(string word)
    {
        var squeezed = new char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (length == 0 || squeezed[length - 1] != c)
            {
                squeezed[length++] = c;
            }
        }

        return length == word.Length ? word : new string(squeezed, 0, length);
    }
}

/// <summary>A sparse feature vector: indices ascending, one value each.</summary>
internal sealed record SparseFeatures(int[] Indices, float[] Values)
{
    public Microsoft.ML.Data.VBuffer<float> ToVBuffer(int length) => new(length, Indices.Length, Values, Indices);
}
