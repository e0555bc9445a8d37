using System.Collections.Immutable;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Sql;

public static partial class SqlParser
{
    private static AlterTableStatement ParseAlterTable(TokenReader r, ParseContext context)
    {
        var ifExists = r.Accept("IF", "EXISTS");
        r.Accept("ONLY");
        var name = r.ReadQualifiedName("table name");
        r.AcceptOperator('*');
        if (r.AtEnd)
        {
            throw r.Error("expected an ALTER TABLE action");
        }

        var actions = ImmutableArray.CreateBuilder<AlterTableAction>();
        foreach (var (partFrom, partTo) in r.SplitOnCommas(r.Position, r.To))
        {
            var part = r.Sub(partFrom, partTo);
            try
            {
                var action = ReadAlterAction(part) with { Line = r.Script.Tokens[partFrom].Line };
                if (!part.AtEnd)
                {
                    throw part.Error("unexpected text in ALTER TABLE action");
                }

                actions.Add(action);
            }
            catch (SqlParseException e)
            {
                context.Report(new SqlParseException("ALTER TABLE " + name + ": " + e.Message, e.Line));
            }
        }

        return new AlterTableStatement(name, ifExists, actions.ToImmutable());
    }

    private static AlterTableAction ReadAlterAction(TokenReader r)
    {
        if (r.Accept("ADD"))
        {
            if (r.IsAnyWord("CONSTRAINT", "PRIMARY", "FOREIGN", "CHECK", "EXCLUDE")
                || (r.IsWord("UNIQUE") && !IsTypeAfter(r))
                || (r.IsAnyWord("INDEX", "KEY", "FULLTEXT", "SPATIAL") && !IsTypeAfter(r)))
            {
                return new AddConstraintAction(ReadTableConstraint(r));
            }

            r.Accept("COLUMN");
            var ifNotExists = r.Accept("IF", "NOT", "EXISTS");
            var column = ReadColumn(r);
            return new AddColumnAction(column, ifNotExists, ReadPosition(r));
        }

        if (r.Accept("DROP"))
        {
            return ReadDropAction(r);
        }

        if (r.Accept("ALTER"))
        {
            if (r.IsAnyWord("CONSTRAINT", "INDEX", "CHECK"))
            {
                return new OtherAlterAction(r.TextOf(r.From, ToEnd(r)));
            }

            r.Accept("COLUMN");
            return ReadAlterColumn(r);
        }

        if (r.Accept("RENAME"))
        {
            if (r.Accept("TO") || r.Accept("AS"))
            {
                return new RenameTableAction(r.ReadQualifiedName("table name"));
            }

            if (r.Accept("CONSTRAINT"))
            {
                var from = r.ReadIdentifier("constraint name");
                r.Expect("TO");
                return new RenameConstraintAction(from, r.ReadIdentifier("constraint name"));
            }

            if (r.Accept("INDEX") || r.Accept("KEY"))
            {
                var from = r.ReadIdentifier("index name");
                r.Expect("TO");
                return new RenameIndexAction(from, r.ReadIdentifier("index name"));
            }

            r.Accept("COLUMN");
            var old = r.ReadIdentifier("column name");
            if (!r.Accept("TO") && r.Dialect == SqlDialect.MySql && r.AtEnd)
            {
                return new RenameTableAction(new QualifiedName(null, old));
            }

            return new RenameColumnAction(old, r.ReadIdentifier("column name"));
        }

        if (r.Accept("VALIDATE", "CONSTRAINT"))
        {
            return new ValidateConstraintAction(r.ReadIdentifier("constraint name"));
        }

        if (r.Accept("MODIFY"))
        {
            r.Accept("COLUMN");
            var column = ReadColumn(r);
            return new ModifyColumnAction(null, column, ReadPosition(r));
        }

        if (r.Accept("CHANGE"))
        {
            r.Accept("COLUMN");
            var old = r.ReadIdentifier("column name");
            var column = ReadColumn(r);
            return new ModifyColumnAction(old, column, ReadPosition(r));
        }

        if (r.IsAnyWord("ALGORITHM", "LOCK", "ENGINE", "AUTO_INCREMENT", "ROW_FORMAT"))
        {
            var option = r.UpperWord();
            r.Position++;
            r.AcceptOperator('=');
            var value = r.AtEnd ? throw r.Error("expected a value") : r.Script.TextOf(r.Current).ToUpperInvariant();
            r.Position++;
            return new TableOptionAction(option, value);
        }

        return new OtherAlterAction(r.TextOf(r.From, ToEnd(r)));
    }

    private static int ToEnd(TokenReader r)
    {
        r.Position = r.To;
        return r.To;
    }

    private static string? ReadPosition(TokenReader r)
    {
        if (r.Accept("FIRST"))
        {
            return "FIRST";
        }

        return r.Accept("AFTER") ? "AFTER " + r.ReadIdentifier("column name") : null;
    }

    private static AlterTableAction ReadDropAction(TokenReader r)
    {
        if (r.Accept("CONSTRAINT"))
        {
            var ifExists = r.Accept("IF", "EXISTS");
            var name = r.ReadIdentifier("constraint name");
            var cascade = ReadCascade(r);
            return new DropConstraintAction(name, null, ifExists, cascade);
        }

        if (r.Accept("PRIMARY", "KEY"))
        {
            return new DropConstraintAction(null, ConstraintKind.PrimaryKey, false, false);
        }

        if (r.Accept("FOREIGN", "KEY"))
        {
            var ifExists = r.Accept("IF", "EXISTS");
            return new DropConstraintAction(r.ReadIdentifier("constraint name"), ConstraintKind.ForeignKey, ifExists, false);
        }

        if (r.Accept("INDEX") || r.Accept("KEY"))
        {
            var ifExists = r.Accept("IF", "EXISTS");
            return new DropConstraintAction(r.ReadIdentifier("index name"), ConstraintKind.Index, ifExists, false);
        }

        if (r.Accept("CHECK"))
        {
            return new DropConstraintAction(r.ReadIdentifier("constraint name"), ConstraintKind.Check, false, false);
        }

        r.Accept("COLUMN");
        var columnIfExists = r.Accept("IF", "EXISTS");
        var column = r.ReadIdentifier("column name");
        return new DropColumnAction(column, columnIfExists, ReadCascade(r));
    }

    private static bool ReadCascade(TokenReader r)
    {
        if (r.Accept("CASCADE"))
        {
            return true;
        }

        r.Accept("RESTRICT");
        return false;
    }

    private static AlterTableAction ReadAlterColumn(TokenReader r)
    {
        var column = r.ReadIdentifier("column name");
        if (r.Accept("TYPE") || r.Accept("SET", "DATA", "TYPE"))
        {
            var type = ReadDataType(r);
            string? collation = null;
            if (r.Accept("COLLATE"))
            {
                collation = r.ReadIdentifier("collation");
            }

            string? usingExpression = null;
            if (r.Accept("USING"))
            {
                var (start, end) = r.ReadExpression();
                usingExpression = r.TextOf(start, end);
            }

            return new AlterColumnTypeAction(column, type, usingExpression, collation);
        }

        if (r.Accept("SET", "NOT", "NULL"))
        {
            return new AlterColumnNullabilityAction(column, true);
        }

        if (r.Accept("DROP", "NOT", "NULL"))
        {
            return new AlterColumnNullabilityAction(column, false);
        }

        if (r.Accept("SET", "DEFAULT"))
        {
            return new AlterColumnDefaultAction(column, ReadDefault(r));
        }

        if (r.Accept("DROP", "DEFAULT"))
        {
            return new AlterColumnDefaultAction(column, null);
        }

        return new AlterColumnOtherAction(column, r.TextOf(r.Position, ToEnd(r)));
    }

    private static RenameTableStatement ParseRenameTable(TokenReader r)
    {
        r.Expect("RENAME");
        r.Expect("TABLE");
        var renames = ImmutableArray.CreateBuilder<(QualifiedName, QualifiedName)>();
        do
        {
            var from = r.ReadQualifiedName("table name");
            r.Expect("TO");
            renames.Add((from, r.ReadQualifiedName("table name")));
        }
        while (r.AcceptOperator(','));

        return new RenameTableStatement(renames.ToImmutable());
    }
}
