using System.Collections.Immutable;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Sql;

public static partial class SqlParser
{
    private static SqlStatement ParseCreate(TokenReader r, ParseContext context)
    {
        r.Expect("CREATE");
        var orReplace = r.Accept("OR", "REPLACE");
        var temporary = false;
        var unique = false;
        var materialized = false;
        var inverted = false;
        while (true)
        {
            if (r.Accept("TEMP") || r.Accept("TEMPORARY"))
            {
                temporary = true;
            }
            else if (r.Accept("UNIQUE"))
            {
                unique = true;
            }
            else if (r.Accept("MATERIALIZED"))
            {
                materialized = true;
            }
            else if (r.Accept("INVERTED"))
            {
                // CockroachDB's CREATE INVERTED INDEX is a GIN index by another name.
                inverted = true;
            }
            else if (!(r.Accept("UNLOGGED") || r.Accept("GLOBAL") || r.Accept("LOCAL") || r.Accept("FULLTEXT") || r.Accept("SPATIAL")))
            {
                break;
            }
        }

        if (r.Accept("TABLE"))
        {
            return ParseCreateTable(r, temporary, context);
        }

        if (r.Accept("INDEX"))
        {
            return ParseCreateIndex(r, unique, inverted ? "gin" : null);
        }

        if (r.Accept("VIEW"))
        {
            var ifNotExists = r.Accept("IF", "NOT", "EXISTS");
            return new CreateViewStatement(r.ReadQualifiedName("view name"), orReplace, materialized, ifNotExists);
        }

        if (r.Accept("SEQUENCE"))
        {
            var ifNotExists = r.Accept("IF", "NOT", "EXISTS");
            var name = r.ReadQualifiedName("sequence name");
            return new CreateSequenceStatement(name, ifNotExists, r.TextOf(r.Position, r.To));
        }

        if (r.Accept("EXTENSION"))
        {
            var ifNotExists = r.Accept("IF", "NOT", "EXISTS");
            return new CreateExtensionStatement(r.ReadIdentifier("extension name"), ifNotExists);
        }

        if (r.Accept("TYPE"))
        {
            var name = r.ReadQualifiedName("type name");
            if (r.Accept("AS", "ENUM"))
            {
                var (start, end) = r.ReadParenthesized();
                var values = ImmutableArray.CreateBuilder<string>();
                foreach (var (partFrom, partTo) in r.SplitOnCommas(start, end))
                {
                    values.Add(r.Sub(partFrom, partTo).ReadString("enum value"));
                }

                return new CreateEnumStatement(name, values.ToImmutable());
            }

            return Other(r);
        }

        // MySQL: CREATE ALGORITHM=... DEFINER=... SQL SECURITY ... VIEW name
        for (var i = r.Position; i < Math.Min(r.To, r.Position + 16); i++)
        {
            if (r.Script.IsWord(i, "VIEW"))
            {
                r.Position = i + 1;
                return new CreateViewStatement(r.ReadQualifiedName("view name"), orReplace, materialized, false);
            }

            if (r.Script.IsWord(i, "TRIGGER") || r.Script.IsWord(i, "FUNCTION") || r.Script.IsWord(i, "PROCEDURE"))
            {
                break;
            }
        }

        return Other(r);
    }

    private static CreateTableStatement ParseCreateTable(TokenReader r, bool temporary, ParseContext context)
    {
        var ifNotExists = r.Accept("IF", "NOT", "EXISTS");
        var name = r.ReadQualifiedName("table name");
        var columns = ImmutableArray.CreateBuilder<ColumnDefinition>();
        var constraints = ImmutableArray.CreateBuilder<TableConstraint>();
        QualifiedName? like = null;
        var asQuery = false;
        if (r.IsOperator('('))
        {
            var (start, end) = r.ReadParenthesized();
            foreach (var (partFrom, partTo) in r.SplitOnCommas(start, end))
            {
                var part = r.Sub(partFrom, partTo);
                try
                {
                    if (part.Accept("LIKE"))
                    {
                        like = part.ReadQualifiedName("table name");
                        continue;
                    }

                    if (IsConstraintStart(part))
                    {
                        constraints.Add(ReadTableConstraint(part));
                    }
                    else
                    {
                        columns.Add(ReadColumn(part));
                    }

                    if (!part.AtEnd)
                    {
                        throw part.Error("unexpected text in table element");
                    }
                }
                catch (SqlParseException e)
                {
                    context.Report(new SqlParseException("CREATE TABLE " + name + ": " + e.Message, e.Line));
                }
            }
        }
        else if (r.Accept("LIKE") || r.Accept("PARTITION", "OF"))
        {
            like = r.ReadQualifiedName("table name");
        }
        else if (r.Accept("AS"))
        {
            asQuery = true;
        }
        else
        {
            throw r.Error("expected '(' or AS after CREATE TABLE " + name);
        }

        if (!asQuery)
        {
            for (var i = r.Position; i < r.To; i++)
            {
                if (r.Script.IsWord(i, "AS") && (r.Script.IsWord(i + 1, "SELECT") || r.Script.IsOperator(i + 1, '(')))
                {
                    asQuery = true;
                    break;
                }
            }
        }

        return new CreateTableStatement(name, ifNotExists, temporary, columns.ToImmutable(), constraints.ToImmutable(), asQuery, like);
    }

    private static bool IsConstraintStart(TokenReader r) =>
        r.IsAnyWord("CONSTRAINT", "PRIMARY", "FOREIGN", "CHECK", "EXCLUDE")
        || (r.IsWord("UNIQUE") && !r.IsOperator('.', 1) && !IsTypeAfter(r))
        || (r.Dialect == SqlDialect.MySql && r.IsAnyWord("KEY", "INDEX", "FULLTEXT", "SPATIAL") && !IsTypeAfter(r));

    /// <summary>A column may be named like a constraint keyword (e.g. "key varchar(10)"); a type word after it says so.</summary>
    private static bool IsTypeAfter(TokenReader r) =>
        r.Position + 1 < r.To && r.Script.Tokens[r.Position + 1].Kind == SqlTokenKind.Word
        && TypeNames.Contains(r.Script.TextOf(r.Script.Tokens[r.Position + 1]));

    private static readonly HashSet<string> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "int", "integer", "bigint", "smallint", "tinyint", "text", "varchar", "char", "character", "uuid", "boolean",
        "bool", "timestamp", "timestamptz", "date", "json", "jsonb", "blob", "numeric", "decimal", "real", "float",
        "double", "bytea", "serial", "bigserial", "datetime", "time", "int4", "int8", "int2", "mediumtext", "longtext",
    };

    internal static ColumnDefinition ReadColumn(TokenReader r)
    {
        var line = r.Line;
        var name = r.ReadIdentifier("column name");
        DataType? type = null;
        if (!r.AtEnd && !IsColumnConstraintStart(r) && !r.IsOperator(','))
        {
            type = ReadDataType(r);
        }

        bool? notNull = null;
        var primaryKey = false;
        var unique = false;
        var checks = ImmutableArray.CreateBuilder<string>();
        ForeignKeyReference? references = null;
        ColumnDefault? @default = null;
        string? identity = null;
        string? collation = null;
        string? generated = null;
        string? pendingName = null;
        var names = new Dictionary<ConstraintKind, string>();
        while (!r.AtEnd && !r.IsOperator(',') && !(r.Dialect == SqlDialect.MySql && r.IsAnyWord("FIRST", "AFTER")))
        {
            if (r.Accept("CONSTRAINT"))
            {
                pendingName = r.ReadIdentifier("constraint name");
                continue;
            }

            var kind = r.IsWord("PRIMARY") ? ConstraintKind.PrimaryKey
                : r.IsWord("UNIQUE") ? ConstraintKind.Unique
                : r.IsWord("CHECK") ? ConstraintKind.Check
                : r.IsWord("REFERENCES") ? ConstraintKind.ForeignKey
                : (ConstraintKind?)null;
            if (pendingName is not null && kind is { } named)
            {
                names[named] = pendingName;
            }

            pendingName = null;
            if (r.Accept("NOT", "NULL"))
            {
                notNull = true;
                AcceptConflictClause(r);
            }
            else if (r.Accept("NULL"))
            {
                notNull = false;
            }
            else if (r.Accept("PRIMARY", "KEY"))
            {
                primaryKey = true;
                _ = r.Accept("ASC") || r.Accept("DESC");
                AcceptConflictClause(r);
                if (r.Accept("AUTOINCREMENT"))
                {
                    identity = "autoincrement";
                }
            }
            else if (r.Accept("UNIQUE"))
            {
                unique = true;
                r.Accept("KEY");
                AcceptConflictClause(r);
            }
            else if (r.Accept("KEY"))
            {
                primaryKey = true;
            }
            else if (r.Accept("CHECK"))
            {
                var (start, end) = r.ReadParenthesized();
                checks.Add(r.TextOf(start, end));
                _ = r.Accept("NO", "INHERIT") || r.Accept("NOT", "ENFORCED") || r.Accept("ENFORCED");
            }
            else if (r.Accept("REFERENCES"))
            {
                references = ReadReferences(r);
            }
            else if (r.Accept("DEFAULT"))
            {
                @default = ReadDefault(r);
            }
            else if (r.Accept("GENERATED"))
            {
                if (r.Accept("ALWAYS"))
                {
                    identity = "always";
                }
                else
                {
                    r.Expect("BY");
                    r.Expect("DEFAULT");
                    identity = "by default";
                }

                r.Expect("AS");
                if (r.Accept("IDENTITY"))
                {
                    if (r.IsOperator('('))
                    {
                        r.ReadParenthesized();
                    }
                }
                else
                {
                    identity = null;
                    var (start, end) = r.ReadParenthesized();
                    generated = r.TextOf(start, end);
                    _ = r.Accept("STORED") || r.Accept("VIRTUAL");
                }
            }
            else if (r.IsWord("AS") && r.IsOperator('(', 1))
            {
                r.Position++;
                var (start, end) = r.ReadParenthesized();
                generated = r.TextOf(start, end);
                _ = r.Accept("STORED") || r.Accept("VIRTUAL") || r.Accept("PERSISTENT");
            }
            else if (r.Accept("AUTO_INCREMENT"))
            {
                identity = "auto_increment";
            }
            else if (r.Accept("AUTOINCREMENT"))
            {
                identity = "autoincrement";
            }
            else if (r.Accept("IDENTITY"))
            {
                identity = "always";
                if (r.IsOperator('('))
                {
                    r.ReadParenthesized();
                }
            }
            else if (r.Accept("COLLATE"))
            {
                collation = r.ReadIdentifier("collation");
            }
            else if (r.Accept("ON", "UPDATE") || r.Accept("COMMENT") || r.Accept("CHARSET") || r.Accept("CHARACTER", "SET")
                || r.Accept("COLUMN_FORMAT") || r.Accept("STORAGE") || r.Accept("SRID"))
            {
                ReadSimpleValue(r);
            }
            else if (r.Accept("DEFERRABLE") || r.Accept("NOT", "DEFERRABLE") || r.Accept("INITIALLY", "DEFERRED")
                || r.Accept("INITIALLY", "IMMEDIATE") || r.Accept("VISIBLE") || r.Accept("INVISIBLE")
                || r.Accept("UNSIGNED") || r.Accept("SIGNED") || r.Accept("ZEROFILL") || r.Accept("BINARY"))
            {
                continue;
            }
            else
            {
                throw r.Error("unexpected text in column " + name);
            }
        }

        return new ColumnDefinition(name, type, @default, notNull, primaryKey, unique, checks.ToImmutable(), references, identity, collation, generated, line)
        {
            ConstraintNames = names.Count == 0 ? ImmutableDictionary<ConstraintKind, string>.Empty : names.ToImmutableDictionary(),
        };
    }

    private static void ReadSimpleValue(TokenReader r)
    {
        r.AcceptOperator('=');
        if (r.AtEnd)
        {
            throw r.Error("expected a value");
        }

        r.Position++;
        if (r.IsOperator('('))
        {
            r.ReadParenthesized();
        }
    }

    private static void AcceptConflictClause(TokenReader r)
    {
        if (r.Accept("ON", "CONFLICT"))
        {
            r.ReadIdentifier("conflict resolution");
        }
    }

    private static bool IsColumnConstraintStart(TokenReader r) =>
        r.IsAnyWord("CONSTRAINT", "NOT", "NULL", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "DEFAULT", "GENERATED", "COLLATE", "AUTOINCREMENT");

    private static readonly HashSet<string> VolatileFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "random", "gen_random_uuid", "clock_timestamp", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4",
        "timeofday", "nextval", "uuid", "rand", "randomblob", "uuid_short", "sysdate", "txid_current",
    };

    /// <summary>Reads a DEFAULT expression up to the next column constraint, comma or closing parenthesis.</summary>
    internal static ColumnDefault ReadDefault(TokenReader r)
    {
        var (start, end) = r.ReadExpression(static x =>
            x.IsAnyWord("NOT", "NULL", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "CONSTRAINT", "GENERATED", "COLLATE",
                "AUTO_INCREMENT", "COMMENT", "FIRST", "AFTER")
            || (x.IsWord("ON") && x.IsWord("UPDATE", 1)));
        if (end == start)
        {
            throw r.Error("expected a default value");
        }

        var isVolatile = false;
        for (var i = start; i < end; i++)
        {
            var token = r.Script.Tokens[i];
            if (token.Kind == SqlTokenKind.Word && r.Script.IsOperator(i + 1, '(') && VolatileFunctions.Contains(r.Script.TextOf(token)))
            {
                isVolatile = true;
            }
        }

        return new ColumnDefault(r.TextOf(start, end), isVolatile);
    }

    private static ForeignKeyReference ReadReferences(TokenReader r)
    {
        var table = r.ReadQualifiedName("referenced table");
        var columns = r.IsOperator('(') ? r.ReadColumnList() : [];
        string? onDelete = null;
        string? onUpdate = null;
        while (!r.AtEnd)
        {
            if (r.Accept("ON", "DELETE"))
            {
                onDelete = ReadReferentialAction(r);
            }
            else if (r.Accept("ON", "UPDATE"))
            {
                onUpdate = ReadReferentialAction(r);
            }
            else if (r.Accept("MATCH"))
            {
                r.ReadIdentifier("match type");
            }
            else if (!(r.Accept("DEFERRABLE") || r.Accept("NOT", "DEFERRABLE") || r.Accept("INITIALLY", "DEFERRED") || r.Accept("INITIALLY", "IMMEDIATE")))
            {
                break;
            }
        }

        return new ForeignKeyReference(table, columns, onDelete, onUpdate);
    }

    private static string ReadReferentialAction(TokenReader r)
    {
        if (r.Accept("SET", "NULL"))
        {
            return "SET NULL";
        }

        if (r.Accept("SET", "DEFAULT"))
        {
            return "SET DEFAULT";
        }

        if (r.Accept("NO", "ACTION"))
        {
            return "NO ACTION";
        }

        if (r.Accept("CASCADE"))
        {
            return "CASCADE";
        }

        if (r.Accept("RESTRICT"))
        {
            return "RESTRICT";
        }

        throw r.Error("expected a referential action");
    }

    internal static TableConstraint ReadTableConstraint(TokenReader r)
    {
        var line = r.Line;
        string? name = null;
        if (r.Accept("CONSTRAINT"))
        {
            // CockroachDB accepts ADD CONSTRAINT IF NOT EXISTS.
            r.Accept("IF", "NOT", "EXISTS");
            if (!r.IsAnyWord("PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE"))
            {
                name = r.ReadIdentifier("constraint name");
            }
        }

        ConstraintKind kind;
        var columns = ImmutableArray<string>.Empty;
        string? check = null;
        ForeignKeyReference? references = null;
        if (r.Accept("PRIMARY", "KEY"))
        {
            kind = ConstraintKind.PrimaryKey;
            SkipIndexType(r);
            columns = r.ReadColumnList();
        }
        else if (r.Accept("UNIQUE"))
        {
            kind = ConstraintKind.Unique;
            _ = r.Accept("KEY") || r.Accept("INDEX");
            if (r.Accept("USING", "INDEX"))
            {
                name ??= r.ReadIdentifier("index name");
            }
            else
            {
                if (!r.IsOperator('(') && !r.IsWord("USING") && !r.IsWord("NULLS"))
                {
                    name ??= r.ReadIdentifier("index name");
                }

                _ = r.Accept("NULLS", "NOT", "DISTINCT") || r.Accept("NULLS", "DISTINCT");
                SkipIndexType(r);
                columns = r.ReadColumnList();
            }
        }
        else if (r.Accept("CHECK"))
        {
            kind = ConstraintKind.Check;
            var (start, end) = r.ReadParenthesized();
            check = r.TextOf(start, end);
        }
        else if (r.Accept("FOREIGN", "KEY"))
        {
            kind = ConstraintKind.ForeignKey;
            if (!r.IsOperator('('))
            {
                name ??= r.ReadIdentifier("constraint name");
            }

            columns = r.ReadColumnList();
            r.Expect("REFERENCES");
            references = ReadReferences(r);
        }
        else if (r.Accept("EXCLUDE"))
        {
            kind = ConstraintKind.Exclude;
            SkipIndexType(r);
            r.ReadParenthesized();
            if (r.Accept("WHERE"))
            {
                r.ReadParenthesized();
            }
        }
        else if (r.Accept("KEY") || r.Accept("INDEX") || r.Accept("FULLTEXT") || r.Accept("SPATIAL"))
        {
            kind = ConstraintKind.Index;
            _ = r.Accept("KEY") || r.Accept("INDEX");
            if (!r.IsOperator('(') && !r.IsWord("USING"))
            {
                name = r.ReadIdentifier("index name");
            }

            SkipIndexType(r);
            columns = r.ReadColumnList();
        }
        else
        {
            throw r.Error("expected a constraint");
        }

        var notValid = false;
        while (!r.AtEnd)
        {
            if (r.Accept("NOT", "VALID"))
            {
                notValid = true;
            }
            else if (r.Accept("USING", "INDEX", "TABLESPACE"))
            {
                r.ReadIdentifier("tablespace");
            }
            else if (r.Accept("WITH") && r.IsOperator('('))
            {
                r.ReadParenthesized();
            }
            else if (r.Accept("ON", "CONFLICT"))
            {
                r.ReadIdentifier("conflict resolution");
            }
            else if (r.IsWord("USING") || r.IsWord("COMMENT"))
            {
                r.Position++;
                ReadSimpleValue(r);
            }
            else if (!(r.Accept("DEFERRABLE") || r.Accept("NOT", "DEFERRABLE") || r.Accept("INITIALLY", "DEFERRED")
                || r.Accept("INITIALLY", "IMMEDIATE") || r.Accept("NO", "INHERIT") || r.Accept("NOT", "ENFORCED")
                || r.Accept("ENFORCED") || r.Accept("VISIBLE") || r.Accept("INVISIBLE")))
            {
                break;
            }
        }

        return new TableConstraint(name, kind, columns, check, references, notValid, line);
    }

    private static void SkipIndexType(TokenReader r)
    {
        if (r.Accept("USING"))
        {
            r.ReadIdentifier("index method");
        }
    }
}
