namespace BackendArchitect.Sql;

/// <summary>
/// A tolerant hand-written SQL lexer: never throws, and an unterminated string, quote or comment
/// runs to the end of the text and is reported as a problem.
/// </summary>
public static class SqlLexer
{
    /// <summary>Splits <paramref name="text"/> into tokens; problems are (line, message) pairs.</summary>
    public static List<SqlToken> Tokenize(string text, SqlDialect dialect, List<(int Line, string Message)>? problems = null)
    {
        var tokens = new List<SqlToken>(text.Length / 5 + 8);
        var state = new State(text, dialect, tokens, problems);
        state.Run();
        return tokens;
    }

    private sealed class State(string text, SqlDialect dialect, List<SqlToken> tokens, List<(int Line, string Message)>? problems)
    {
        private int pos;
        private int line = 1;
        private int lineStart;
        private int lastTokenLine;
        private string delimiter = ";";

        public void Run()
        {
            while (pos < text.Length)
            {
                var c = text[pos];
                if (c == '\n')
                {
                    pos++;
                    line++;
                    lineStart = pos;
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    pos++;
                    continue;
                }

                if (c == '-' && Peek(1) == '-')
                {
                    SkipLineComment();
                    continue;
                }

                if (c == '#' && dialect == SqlDialect.MySql)
                {
                    SkipLineComment();
                    continue;
                }

                if (c == '/' && Peek(1) == '*' && !AtDelimiter())
                {
                    SkipBlockComment();
                    continue;
                }

                var start = pos;
                var startLine = line;
                var column = pos - lineStart + 1;
                var isFirstOnLine = lastTokenLine != line;
                lastTokenLine = line;

                if (dialect == SqlDialect.MySql && isFirstOnLine && TryDelimiterCommand())
                {
                    Add(SqlTokenKind.DelimiterCommand, start, startLine, column);
                    continue;
                }

                if (AtDelimiter())
                {
                    pos += delimiter.Length;
                    Add(SqlTokenKind.Delimiter, start, startLine, column);
                    continue;
                }

                var kind = LexOne(c);
                Add(kind, start, startLine, column);
            }
        }

        private char Peek(int offset) => pos + offset < text.Length ? text[pos + offset] : '\0';

        private void Add(SqlTokenKind kind, int start, int startLine, int column)
        {
            tokens.Add(new SqlToken(kind, start, pos - start, startLine, column));
        }

        private bool AtDelimiter() =>
            delimiter != ";" && string.CompareOrdinal(text, pos, delimiter, 0, delimiter.Length) == 0;

        private void Problem(int atLine, string message) => problems?.Add((atLine, message));

        private void SkipLineComment()
        {
            var end = text.IndexOf('\n', pos);
            pos = end < 0 ? text.Length : end;
        }

        private void SkipBlockComment()
        {
            var startLine = line;
            var nested = dialect is SqlDialect.PostgreSql or SqlDialect.Unknown;
            var depth = 0;
            while (pos < text.Length)
            {
                var c = text[pos];
                if (c == '/' && Peek(1) == '*' && (depth == 0 || nested))
                {
                    depth++;
                    pos += 2;
                    continue;
                }

                if (c == '*' && Peek(1) == '/')
                {
                    depth--;
                    pos += 2;
                    if (depth == 0)
                    {
                        return;
                    }

                    continue;
                }

                Advance();
            }

            Problem(startLine, "unterminated block comment");
        }

        private void Advance()
        {
            if (text[pos] == '\n')
            {
                line++;
                lineStart = pos + 1;
            }

            pos++;
        }

        private bool TryDelimiterCommand()
        {
            const string keyword = "DELIMITER";
            if (pos + keyword.Length >= text.Length
                || string.Compare(text, pos, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) != 0
                || (text[pos + keyword.Length] != ' ' && text[pos + keyword.Length] != '\t'))
            {
                return false;
            }

            var p = pos + keyword.Length;
            while (p < text.Length && (text[p] == ' ' || text[p] == '\t'))
            {
                p++;
            }

            var valueStart = p;
            while (p < text.Length && !char.IsWhiteSpace(text[p]))
            {
                p++;
            }

            if (p == valueStart)
            {
                return false;
            }

            delimiter = text[valueStart..p];
            pos = p;
            return true;
        }

        private SqlTokenKind LexOne(char c)
        {
            switch (c)
            {
                case '\'':
                    ReadQuoted('\'', BackslashEscapes(), "string");
                    return SqlTokenKind.String;
                case '"':
                    ReadQuoted('"', dialect == SqlDialect.MySql, "quoted identifier");
                    return dialect == SqlDialect.MySql ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier;
                case '`':
                    ReadQuoted('`', false, "quoted identifier");
                    return SqlTokenKind.QuotedIdentifier;
                case '[' when BracketIdentifierAhead():
                    ReadQuoted(']', false, "quoted identifier", open: 1);
                    return SqlTokenKind.QuotedIdentifier;
                case '$':
                    return LexDollar();
            }

            if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            {
                ReadNumber();
                return SqlTokenKind.Number;
            }

            if (IsWordStart(c))
            {
                if (Peek(1) == '\'' && IsStringPrefix(c))
                {
                    var escapes = c is 'e' or 'E' || BackslashEscapes();
                    pos++;
                    ReadQuoted('\'', escapes, "string");
                    return SqlTokenKind.String;
                }

                if ((c is 'u' or 'U') && Peek(1) == '&' && Peek(2) == '\'')
                {
                    pos += 2;
                    ReadQuoted('\'', false, "string");
                    return SqlTokenKind.String;
                }

                pos++;

                // A custom delimiter such as $$ may follow a word directly (END$$).
                while (pos < text.Length && IsWordPart(text[pos]) && !AtDelimiter())
                {
                    pos++;
                }

                return SqlTokenKind.Word;
            }

            if ((c == ':' || c == '@') && IsWordStart(Peek(1)) && !(c == ':' && pos > 0 && text[pos - 1] == ':'))
            {
                pos++;
                while (pos < text.Length && IsWordPart(text[pos]))
                {
                    pos++;
                }

                return c == ':' ? SqlTokenKind.Parameter : SqlTokenKind.Word;
            }

            pos += OperatorLength(c);
            return SqlTokenKind.Operator;
        }

        private bool BackslashEscapes() => dialect == SqlDialect.MySql;

        private static bool IsStringPrefix(char c) => c is 'e' or 'E' or 'n' or 'N' or 'b' or 'B' or 'x' or 'X';

        private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || c > 127;

        private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$' || c > 127;

        private bool BracketIdentifierAhead()
        {
            if (dialect == SqlDialect.PostgreSql || dialect == SqlDialect.MySql)
            {
                return false;
            }

            var next = Peek(1);
            if (!IsWordStart(next) && next != ' ')
            {
                return false;
            }

            var close = text.IndexOf(']', pos);
            var newline = text.IndexOf('\n', pos);
            return close > 0 && (newline < 0 || close < newline);
        }

        private void ReadQuoted(char close, bool backslashEscapes, string what, int open = 1)
        {
            var startLine = line;
            pos += open;
            while (pos < text.Length)
            {
                var c = text[pos];
                if (backslashEscapes && c == '\\' && pos + 1 < text.Length)
                {
                    pos++;
                    Advance();
                    continue;
                }

                if (c == close)
                {
                    if (Peek(1) == close)
                    {
                        pos += 2;
                        continue;
                    }

                    pos++;
                    return;
                }

                Advance();
            }

            Problem(startLine, "unterminated " + what);
        }

        private SqlTokenKind LexDollar()
        {
            var next = Peek(1);
            if (char.IsAsciiDigit(next))
            {
                pos++;
                while (pos < text.Length && char.IsAsciiDigit(text[pos]))
                {
                    pos++;
                }

                return SqlTokenKind.Parameter;
            }

            if (dialect is SqlDialect.PostgreSql or SqlDialect.Unknown)
            {
                var p = pos + 1;
                if (p < text.Length && (char.IsAsciiLetter(text[p]) || text[p] == '_'))
                {
                    while (p < text.Length && (char.IsAsciiLetterOrDigit(text[p]) || text[p] == '_'))
                    {
                        p++;
                    }
                }

                if (p < text.Length && text[p] == '$')
                {
                    var tag = text.Substring(pos, p - pos + 1);
                    var startLine = line;
                    var close = text.IndexOf(tag, p + 1, StringComparison.Ordinal);
                    var end = close < 0 ? text.Length : close + tag.Length;
                    while (pos < end)
                    {
                        Advance();
                    }

                    if (close < 0)
                    {
                        Problem(startLine, "unterminated dollar-quoted string " + tag);
                    }

                    return SqlTokenKind.DollarString;
                }
            }

            pos++;
            return SqlTokenKind.Operator;
        }

        private void ReadNumber()
        {
            if (text[pos] == '0' && (Peek(1) is 'x' or 'X'))
            {
                pos += 2;
                while (pos < text.Length && char.IsAsciiHexDigit(text[pos]))
                {
                    pos++;
                }

                return;
            }

            while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '_'))
            {
                pos++;
            }

            if (pos < text.Length && text[pos] == '.' && Peek(1) != '.')
            {
                pos++;
                while (pos < text.Length && char.IsAsciiDigit(text[pos]))
                {
                    pos++;
                }
            }

            if (pos < text.Length && (text[pos] is 'e' or 'E')
                && (char.IsAsciiDigit(Peek(1)) || ((Peek(1) is '+' or '-') && char.IsAsciiDigit(Peek(2)))))
            {
                pos += 2;
                while (pos < text.Length && char.IsAsciiDigit(text[pos]))
                {
                    pos++;
                }
            }
        }

        private int OperatorLength(char c)
        {
            var n = Peek(1);
            var m = Peek(2);
            return c switch
            {
                ':' when n == ':' => 2,
                ':' when n == '=' => 2,
                '<' when n == '=' && m == '>' => 3,
                '<' when n is '=' or '>' or '<' or '@' => 2,
                '>' when n is '=' or '>' => 2,
                '!' when n == '=' => 2,
                '=' when n == '>' => 2,
                '|' when n == '|' => 2,
                '@' when n == '>' => 2,
                '-' when n == '>' && m == '>' => 3,
                '-' when n == '>' => 2,
                '#' when n == '>' && m == '>' => 3,
                '#' when n == '>' => 2,
                '&' when n == '&' => 2,
                _ => 1,
            };
        }
    }
}
