using System.Collections.Immutable;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Sql;

/// <summary>The statements of one SQL file, in order, with the problems met while reading them.</summary>
public sealed record SqlParseResult(string File, SqlDialect Dialect, ImmutableArray<SqlStatement> Statements, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// A tolerant parser for PostgreSQL, MySQL and SQLite DDL. It never throws: a statement it cannot read
/// fully is kept as a partial statement with a diagnostic, and unmodelled statements become <see cref="OtherStatement"/>.
/// </summary>
public static partial class SqlParser
{
    /// <summary>Parses <paramref name="text"/>; an unknown dialect is detected from the file name, then the content.</summary>
    public static SqlParseResult Parse(string file, string text, SqlDialect dialect = SqlDialect.Unknown)
    {
        if (dialect == SqlDialect.Unknown)
        {
            dialect = SqlDialectDetector.Detect(file, text);
        }

        var problems = new List<(int Line, string Message)>();
        var script = new SqlScript(text, dialect, SqlLexer.Tokenize(text, dialect, problems));
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var (line, message) in problems)
        {
            diagnostics.Add(new Diagnostic(file, line, message));
        }

        var statements = ImmutableArray.CreateBuilder<SqlStatement>();
        foreach (var range in SqlStatementSplitter.Split(script))
        {
            statements.Add(ParseStatement(file, script, range, diagnostics));
        }

        return new SqlParseResult(file, dialect, statements.ToImmutable(), diagnostics.ToImmutable());
    }

    private static SqlStatement ParseStatement(string file, SqlScript script, StatementRange range, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var text = script.TextOf(range.From, range.To);
        var line = script.Tokens[range.From].Line;
        var context = new ParseContext(file, diagnostics);
        SqlStatement statement;
        try
        {
            statement = Dispatch(new TokenReader(script, range.From, range.To), context);
        }
        catch (SqlParseException e)
        {
            diagnostics.Add(new Diagnostic(file, e.Line, e.Message));
            statement = new OtherStatement(Keywords(script, range)) { IsPartial = true };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(new Diagnostic(file, line, "statement not understood: " + e.Message));
            statement = new OtherStatement(Keywords(script, range)) { IsPartial = true };
        }

        return statement with { Text = text, Line = line, IsPartial = statement.IsPartial || context.Partial };
    }

    /// <summary>Collects element-level problems so one bad column does not lose the rest of a statement.</summary>
    internal sealed class ParseContext(string file, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        public bool Partial { get; private set; }

        public void Report(SqlParseException e)
        {
            Partial = true;
            diagnostics.Add(new Diagnostic(file, e.Line, e.Message));
        }
    }

    private static SqlStatement Dispatch(TokenReader r, ParseContext context)
    {
        var first = r.UpperWord();
        switch (first)
        {
            case "CREATE":
                return ParseCreate(r, context);
            case "ALTER":
                r.Position++;
                if (r.Accept("TABLE"))
                {
                    return ParseAlterTable(r, context);
                }

                if (r.Accept("TYPE"))
                {
                    return ParseAlterType(r);
                }

                if (r.Accept("INDEX"))
                {
                    return ParseAlterIndex(r);
                }

                if (r.Accept("SEQUENCE"))
                {
                    var ifExists = r.Accept("IF", "EXISTS");
                    var name = r.ReadQualifiedName();
                    return new AlterSequenceStatement(name, ifExists, r.TextOf(r.Position, r.To));
                }

                return Other(r);
            case "DROP":
                return ParseDrop(r);
            case "RENAME" when r.IsWord("TABLE", 1):
                return ParseRenameTable(r);
            case "BEGIN":
                return new TransactionStatement(TransactionKind.Begin);
            case "START" when r.IsWord("TRANSACTION", 1):
                return new TransactionStatement(TransactionKind.Begin);
            case "COMMIT":
            case "END" when r.Position + 1 == r.To || r.IsWord("TRANSACTION", 1) || r.IsWord("WORK", 1):
                return new TransactionStatement(TransactionKind.Commit);
            case "ROLLBACK":
            case "ABORT":
                return new TransactionStatement(TransactionKind.Rollback);
            case "SAVEPOINT":
                return new TransactionStatement(TransactionKind.Savepoint);
            case "RELEASE":
                return new TransactionStatement(TransactionKind.Release);
            case "SET":
                return ParseSet(r);
            case "COMMENT" when r.IsWord("ON", 1):
                return ParseCommentOn(r);
            case "PRAGMA":
                return ParsePragma(r);
            default:
                return Other(r);
        }
    }

    private static OtherStatement Other(TokenReader r) => new(Keywords(r.Script, new StatementRange(r.From, r.To)));

    private static readonly HashSet<string> ObjectKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "TABLE", "INDEX", "FUNCTION", "PROCEDURE", "TRIGGER", "VIEW", "EVENT", "SCHEMA", "DATABASE", "TYPE",
        "SEQUENCE", "EXTENSION", "ROLE", "USER", "POLICY", "RULE", "DOMAIN", "AGGREGATE", "OPERATOR", "SERVER",
        "PUBLICATION", "SUBSCRIPTION", "STATISTICS", "COLLATION", "TABLESPACE", "CONSTRAINT", "LANGUAGE",
    };

    /// <summary>The first keyword, and for CREATE/ALTER/DROP the object kind too (e.g. "CREATE TRIGGER").</summary>
    internal static string Keywords(SqlScript script, StatementRange range)
    {
        var first = script.TextOf(script.Tokens[range.From]).ToUpperInvariant();
        if (first is not ("CREATE" or "ALTER" or "DROP"))
        {
            return first;
        }

        var limit = Math.Min(range.To, range.From + 16);
        for (var i = range.From + 1; i < limit; i++)
        {
            var token = script.Tokens[i];
            if (token.Kind == SqlTokenKind.Word && ObjectKinds.Contains(script.TextOf(token)))
            {
                return first + " " + script.TextOf(token).ToUpperInvariant();
            }
        }

        return first;
    }
}
