using System.Collections.Immutable;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Sql;

/// <summary>Thrown inside the parser when a statement cannot be read further; never escapes <see cref="SqlParser"/>.</summary>
internal sealed class SqlParseException(string message, int line) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>A cursor over the tokens [From, To) of one statement, with the small vocabulary the parser needs.</summary>
internal sealed class TokenReader(SqlScript script, int from, int to)
{
    public SqlScript Script { get; } = script;

    public int From { get; } = from;

    public int Position { get; set; } = from;

    public int To { get; } = to;

    public bool AtEnd => Position >= To;

    public SqlDialect Dialect => Script.Dialect;

    public SqlToken Current => Script.Tokens[Math.Min(Position, To - 1)];

    public int Line => AtEnd ? Script.Tokens[To - 1].Line : Current.Line;

    public TokenReader Sub(int start, int end) => new(Script, start, end);

    public bool IsWord(string word, int offset = 0) => Position + offset < To && Script.IsWord(Position + offset, word);

    public bool IsOperator(char op, int offset = 0) => Position + offset < To && Script.IsOperator(Position + offset, op);

    public bool IsOperator(string op) =>
        !AtEnd && Current.Kind == SqlTokenKind.Operator && Script.Span(Current).SequenceEqual(op);

    public bool IsAnyWord(params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (IsWord(word))
            {
                return true;
            }
        }

        return false;
    }

    public bool Accept(string word)
    {
        if (!IsWord(word))
        {
            return false;
        }

        Position++;
        return true;
    }

    /// <summary>Accepts the whole word sequence or nothing.</summary>
    public bool Accept(string first, string second, string? third = null)
    {
        if (!IsWord(first) || !IsWord(second, 1) || (third is not null && !IsWord(third, 2)))
        {
            return false;
        }

        Position += third is null ? 2 : 3;
        return true;
    }

    public bool AcceptOperator(char op)
    {
        if (!IsOperator(op))
        {
            return false;
        }

        Position++;
        return true;
    }

    public void Expect(string word)
    {
        if (!Accept(word))
        {
            throw Error("expected " + word);
        }
    }

    public void ExpectOperator(char op)
    {
        if (!AcceptOperator(op))
        {
            throw Error("expected '" + op + "'");
        }
    }

    public SqlParseException Error(string message)
    {
        var found = AtEnd ? "end of statement" : "'" + Shorten(Script.TextOf(Current)) + "'";
        return new SqlParseException(message + ", found " + found, Line);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;

    public string UpperWord() => Script.Span(Current).ToString().ToUpperInvariant();

    public bool IsIdentifier() =>
        !AtEnd && Current.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    /// <summary>Reads one identifier, case-normalized for the dialect (PostgreSQL folds unquoted names to lower case).</summary>
    public string ReadIdentifier(string what = "identifier")
    {
        if (AtEnd)
        {
            throw Error("expected " + what);
        }

        var token = Current;
        var name = token.Kind switch
        {
            SqlTokenKind.Word => Normalize(Script.TextOf(token)),
            SqlTokenKind.QuotedIdentifier => Unquote(Script.TextOf(token)),
            SqlTokenKind.String when Dialect != SqlDialect.PostgreSql => UnquoteString(Script.TextOf(token)),
            _ => throw Error("expected " + what),
        };
        Position++;
        return name;
    }

    public string Normalize(string word) => Dialect == SqlDialect.PostgreSql ? word.ToLowerInvariant() : word;

    public QualifiedName ReadQualifiedName(string what = "name")
    {
        var first = ReadIdentifier(what);
        if (!IsOperator('.'))
        {
            return new QualifiedName(null, first);
        }

        Position++;
        var second = ReadIdentifier(what);
        if (!IsOperator('.'))
        {
            return new QualifiedName(first, second);
        }

        Position++;
        return new QualifiedName(second, ReadIdentifier(what));
    }

    /// <summary>At '(' reads to the matching ')' and returns the inner token range.</summary>
    public (int From, int To) ReadParenthesized()
    {
        if (!IsOperator('('))
        {
            throw Error("expected '('");
        }

        var start = Position + 1;
        var depth = 0;
        for (; Position < To; Position++)
        {
            if (Script.IsOperator(Position, '('))
            {
                depth++;
            }
            else if (Script.IsOperator(Position, ')') && --depth == 0)
            {
                Position++;
                return (start, Position - 1);
            }
        }

        throw new SqlParseException("unbalanced parentheses", Script.Tokens[start - 1].Line);
    }

    /// <summary>Splits the range on commas at parenthesis depth 0.</summary>
    public List<(int From, int To)> SplitOnCommas(int start, int end)
    {
        var parts = new List<(int, int)>();
        var depth = 0;
        var partStart = start;
        for (var i = start; i < end; i++)
        {
            if (Script.IsOperator(i, '(') || Script.IsOperator(i, '['))
            {
                depth++;
            }
            else if (Script.IsOperator(i, ')') || Script.IsOperator(i, ']'))
            {
                depth--;
            }
            else if (depth == 0 && Script.IsOperator(i, ','))
            {
                parts.Add((partStart, i));
                partStart = i + 1;
            }
        }

        if (end > partStart)
        {
            parts.Add((partStart, end));
        }

        return parts;
    }

    /// <summary>Reads "(a, b DESC, c(10))" as the leading identifier of each element.</summary>
    public ImmutableArray<string> ReadColumnList()
    {
        var (start, end) = ReadParenthesized();
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var (partFrom, partTo) in SplitOnCommas(start, end))
        {
            var part = Sub(partFrom, partTo);
            names.Add(part.IsIdentifier() && (partTo - partFrom == 1 || !part.IsOperator('(', 1) || Dialect == SqlDialect.MySql)
                ? part.ReadIdentifier()
                : Script.TextOf(partFrom, partTo));
        }

        return names.ToImmutable();
    }

    /// <summary>Skips tokens until a depth-0 comma/closing parenthesis or a word <paramref name="stop"/> accepts; returns the range.</summary>
    public (int From, int To) ReadExpression(Func<TokenReader, bool>? stop = null)
    {
        var start = Position;
        var depth = 0;
        while (Position < To)
        {
            if (IsOperator('(') || IsOperator('['))
            {
                depth++;
            }
            else if (IsOperator(')') || IsOperator(']'))
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (depth == 0 && (IsOperator(',') || (Position > start && stop is not null && stop(this))))
            {
                break;
            }

            Position++;
        }

        return (start, Position);
    }

    public string TextOf(int start, int end) => Script.TextOf(start, end);

    /// <summary>Reads a string literal's value.</summary>
    public string ReadString(string what = "string")
    {
        if (AtEnd || Current.Kind is not (SqlTokenKind.String or SqlTokenKind.DollarString))
        {
            throw Error("expected " + what);
        }

        var text = Script.TextOf(Current);
        var kind = Current.Kind;
        Position++;
        return kind == SqlTokenKind.DollarString ? StripDollar(text) : UnquoteString(text);
    }

    private static string StripDollar(string text)
    {
        var tagEnd = text.IndexOf('$', 1);
        return tagEnd < 0 || text.Length < 2 * (tagEnd + 1) ? text : text[(tagEnd + 1)..^(tagEnd + 1)];
    }

    public static string Unquote(string text)
    {
        if (text.Length < 2)
        {
            return text;
        }

        var close = text[0] == '[' ? ']' : text[0];
        var inner = text[^1] == close ? text[1..^1] : text[1..];
        return inner.Replace(new string(close, 2), close.ToString(), StringComparison.Ordinal);
    }

    public static string UnquoteString(string text)
    {
        var quote = text.IndexOfAny(['\'', '"']);
        if (quote < 0)
        {
            return text;
        }

        var q = text[quote];
        var inner = text.Length > quote + 1 && text[^1] == q ? text[(quote + 1)..^1] : text[(quote + 1)..];
        return inner.Replace(new string(q, 2), q.ToString(), StringComparison.Ordinal);
    }
}
