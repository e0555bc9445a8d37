namespace BackendArchitect.Sql;

/// <summary>A lexed SQL text: the source and its tokens, with helpers that read token text.</summary>
public sealed class SqlScript(string text, SqlDialect dialect, List<SqlToken> tokens)
{
    public string Text { get; } = text;

    public SqlDialect Dialect { get; } = dialect;

    public IReadOnlyList<SqlToken> Tokens { get; } = tokens;

    public ReadOnlySpan<char> Span(SqlToken token) => Text.AsSpan(token.Start, token.Length);

    public string TextOf(SqlToken token) => Text.Substring(token.Start, token.Length);

    /// <summary>The source text from the start of token <paramref name="from"/> to the end of token <paramref name="to"/> - 1.</summary>
    public string TextOf(int from, int to)
    {
        if (to <= from)
        {
            return "";
        }

        var start = Tokens[from].Start;
        return Text[start..Tokens[to - 1].End];
    }

    public bool IsWord(int index, string word) =>
        index < Tokens.Count && Tokens[index].Kind == SqlTokenKind.Word
        && Span(Tokens[index]).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsOperator(int index, char op) =>
        index < Tokens.Count && Tokens[index].Kind == SqlTokenKind.Operator && Tokens[index].Length == 1
        && Text[Tokens[index].Start] == op;
}

/// <summary>The token range [From, To) of one statement, without its terminator.</summary>
public readonly record struct StatementRange(int From, int To);
