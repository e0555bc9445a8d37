using System.Collections.Immutable;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Sql;

public static partial class SqlParser
{
    private static CreateIndexStatement ParseCreateIndex(TokenReader r, bool unique, string? impliedMethod)
    {
        var concurrently = r.Accept("CONCURRENTLY");
        var ifNotExists = r.Accept("IF", "NOT", "EXISTS");
        string? name = null;
        if (!r.IsWord("ON"))
        {
            name = r.ReadQualifiedName("index name").Name;
        }

        var method = impliedMethod;
        if (r.Accept("USING"))
        {
            method = r.ReadIdentifier("index method").ToLowerInvariant();
        }

        r.Expect("ON");
        r.Accept("ONLY");
        var table = r.ReadQualifiedName("table name");
        if (r.Accept("USING"))
        {
            method = r.ReadIdentifier("index method").ToLowerInvariant();
        }

        var (start, end) = r.ReadParenthesized();
        var elements = ImmutableArray.CreateBuilder<IndexElement>();
        foreach (var (partFrom, partTo) in r.SplitOnCommas(start, end))
        {
            elements.Add(ReadIndexElement(r.Sub(partFrom, partTo)));
        }

        var include = ImmutableArray<string>.Empty;
        string? where = null;
        while (!r.AtEnd)
        {
            // STORING is CockroachDB's spelling of INCLUDE.
            if (r.Accept("INCLUDE") || r.Accept("STORING"))
            {
                include = r.ReadColumnList();
            }
            else if (r.Accept("WHERE"))
            {
                where = r.TextOf(r.Position, r.To);
                r.Position = r.To;
            }
            else if (r.Accept("WITH") || r.Accept("NULLS", "NOT", "DISTINCT") || r.Accept("NULLS", "DISTINCT"))
            {
                if (r.IsOperator('('))
                {
                    r.ReadParenthesized();
                }
            }
            else if (r.Accept("TABLESPACE"))
            {
                r.ReadIdentifier("tablespace");
            }
            else if (r.IsAnyWord("ALGORITHM", "LOCK", "COMMENT", "USING", "KEY_BLOCK_SIZE", "WITH"))
            {
                r.Position++;
                ReadSimpleValue(r);
            }
            else if (!(r.Accept("VISIBLE") || r.Accept("INVISIBLE")))
            {
                throw r.Error("unexpected text after index columns");
            }
        }

        return new CreateIndexStatement(name, table, unique, concurrently, ifNotExists, method, elements.ToImmutable(), include, where);
    }

    private static SqlStatement ParseAlterIndex(TokenReader r)
    {
        var ifExists = r.Accept("IF", "EXISTS");
        var name = r.ReadQualifiedName("index name");
        if (!r.Accept("RENAME", "TO"))
        {
            return Other(r);
        }

        var to = r.ReadIdentifier("index name");
        return r.AtEnd ? new RenameIndexStatement(name, ifExists, to) : throw r.Error("unexpected text after ALTER INDEX");
    }

    private static IndexElement ReadIndexElement(TokenReader r)
    {
        var text = r.TextOf(r.From, r.To);
        string? column = null;
        if (r.IsIdentifier())
        {
            var next = r.Position + 1;
            var plainColumn = next >= r.To
                || r.Script.Tokens[next].Kind == SqlTokenKind.Word
                || (r.Dialect == SqlDialect.MySql && r.Script.IsOperator(next, '('));
            if (plainColumn)
            {
                column = r.ReadIdentifier();
            }
        }

        var descending = false;
        for (var i = r.From; i < r.To; i++)
        {
            if (r.Script.IsWord(i, "DESC"))
            {
                descending = true;
            }
        }

        return new IndexElement(text, column, descending);
    }
}
