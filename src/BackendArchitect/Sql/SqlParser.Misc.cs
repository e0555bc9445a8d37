using System.Collections.Immutable;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Sql;

public static partial class SqlParser
{
    private static SqlStatement ParseDrop(TokenReader r)
    {
        r.Expect("DROP");
        r.Accept("TEMPORARY");
        string kind;
        if (r.Accept("MATERIALIZED", "VIEW"))
        {
            kind = "MATERIALIZED VIEW";
        }
        else if (r.IsAnyWord("TABLE", "INDEX", "TYPE", "VIEW", "SEQUENCE"))
        {
            kind = r.UpperWord();
            r.Position++;
        }
        else
        {
            return Other(r);
        }

        var concurrently = r.Accept("CONCURRENTLY");
        var ifExists = r.Accept("IF", "EXISTS");
        var names = ImmutableArray.CreateBuilder<QualifiedName>();
        QualifiedName? onTable = null;
        do
        {
            var name = r.ReadQualifiedName(kind.ToLowerInvariant() + " name");
            if (kind == "INDEX" && !r.AtEnd && r.Current.Kind == SqlTokenKind.Word && r.Script.Span(r.Current).StartsWith("@"))
            {
                // CockroachDB: DROP INDEX table@index.
                onTable = name;
                name = new QualifiedName(null, r.Normalize(r.Script.TextOf(r.Current)[1..]));
                r.Position++;
            }

            names.Add(name);
        }
        while (r.AcceptOperator(','));

        if (kind == "INDEX" && r.Accept("ON"))
        {
            onTable = r.ReadQualifiedName("table name");
        }

        var cascade = ReadCascade(r);
        while (r.IsAnyWord("ALGORITHM", "LOCK"))
        {
            r.Position++;
            ReadSimpleValue(r);
        }

        if (!r.AtEnd)
        {
            throw r.Error("unexpected text after DROP " + kind);
        }

        return new DropStatement(kind, names.ToImmutable(), ifExists, cascade, concurrently, onTable);
    }

    private static SqlStatement ParseAlterType(TokenReader r)
    {
        var name = r.ReadQualifiedName("type name");
        if (r.Accept("ADD", "VALUE"))
        {
            var ifNotExists = r.Accept("IF", "NOT", "EXISTS");
            var value = r.ReadString("enum value");
            string? before = null;
            string? after = null;
            if (r.Accept("BEFORE"))
            {
                before = r.ReadString("enum value");
            }
            else if (r.Accept("AFTER"))
            {
                after = r.ReadString("enum value");
            }

            return new AlterEnumAddValueStatement(name, value, ifNotExists, before, after);
        }

        if (r.Accept("RENAME", "VALUE"))
        {
            var from = r.ReadString("enum value");
            r.Expect("TO");
            return new AlterEnumRenameValueStatement(name, from, r.ReadString("enum value"));
        }

        return Other(r);
    }

    private static SqlStatement ParseSet(TokenReader r)
    {
        r.Expect("SET");
        var local = r.Accept("LOCAL");
        _ = r.Accept("SESSION") || r.Accept("GLOBAL");
        var start = r.Position;
        while (!r.AtEnd && !r.IsOperator('=') && !r.IsWord("TO") && !r.IsOperator(":="))
        {
            r.Position++;
        }

        var name = r.TextOf(start, r.Position).ToLowerInvariant();
        if (!r.AtEnd)
        {
            r.Position++;
        }

        var value = r.TextOf(r.Position, r.To);
        if (name.Length == 0)
        {
            throw r.Error("expected a setting name");
        }

        var split = name.IndexOf(' ', StringComparison.Ordinal);
        if (r.Position == r.To && split > 0 && value.Length == 0)
        {
            value = name[(split + 1)..];
            name = name[..split];
        }

        return new SetStatement(name, value, local);
    }

    private static CommentOnStatement ParseCommentOn(TokenReader r)
    {
        r.Expect("COMMENT");
        r.Expect("ON");
        var kind = r.Accept("MATERIALIZED", "VIEW") ? "MATERIALIZED VIEW" : r.UpperWord();
        if (kind != "MATERIALIZED VIEW")
        {
            r.Position++;
        }

        var start = r.Position;
        while (!r.AtEnd && !r.IsWord("IS"))
        {
            r.Position++;
        }

        var target = r.TextOf(start, r.Position);
        r.Expect("IS");
        var comment = r.Accept("NULL") ? null : r.ReadString("comment");
        return new CommentOnStatement(kind, target, comment);
    }

    private static PragmaStatement ParsePragma(TokenReader r)
    {
        r.Expect("PRAGMA");
        var name = r.ReadQualifiedName("pragma name").ToString().ToLowerInvariant();
        string? value = null;
        if (r.AcceptOperator('='))
        {
            value = r.TextOf(r.Position, r.To);
        }
        else if (r.IsOperator('('))
        {
            var (start, end) = r.ReadParenthesized();
            value = r.TextOf(start, end);
        }

        return new PragmaStatement(name, value);
    }
}
