namespace ConciergeBot.Language.Time.Indonesian;

internal enum TokenKind
{
    Word,
    Number,
    Mark,
}

/// <summary>
/// One word, number or punctuation mark of a message, lower-cased and without accents or apostrophes
/// ("Jum'at" is "jumat"), with where it sits in the original text so a mention can quote it exactly.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Value, int Start, int End)
{
    /// <summary>Letters glued to a number: "3pm", "3an", "3rd", "10wib"; empty when none.</summary>
    public string Suffix { get; init; } = "";

    /// <summary>A word said twice, "besok2" or "pagi-pagi": Indonesian reduplication, which often changes the meaning.</summary>
    public bool Doubled { get; init; }

    public bool IsWord => Kind == TokenKind.Word;

    public bool IsNumber => Kind == TokenKind.Number;

    public bool IsMark(char mark) => Kind == TokenKind.Mark && Value[0] == mark;

    public bool Is(string word) => Kind == TokenKind.Word && Value == word;
}
