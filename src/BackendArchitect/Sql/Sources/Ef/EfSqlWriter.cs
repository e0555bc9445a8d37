using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Sql.Sources.Ef;

/// <summary>The DDL of one EF call and, for each of its lines, the line of the C# file it stands for.</summary>
internal sealed record EfSql(string Text, IReadOnlyList<int> Lines);

/// <summary>
/// Spells EF Core migration operations as the DDL their provider would run, so the SQL parser turns them
/// into the same statements a hand-written migration gives and every rule applies unchanged.
/// Returns null for operations that change no schema object the model tracks.
/// </summary>
internal sealed class EfSqlWriter(SqlDialect dialect)
{
    private static readonly Dictionary<string, string[]> Positional = new(StringComparer.Ordinal)
    {
        ["CreateTable"] = ["name", "columns", "schema", "constraints"],
        ["AddColumn"] = ["name", "table", "type", "unicode", "maxLength", "rowVersion", "schema", "nullable", "defaultValue", "defaultValueSql"],
        ["DropColumn"] = ["name", "table", "schema"],
        ["RenameColumn"] = ["name", "table", "newName", "schema"],
        ["RenameTable"] = ["name", "schema", "newName", "newSchema"],
        ["AlterColumn"] = ["name", "table", "type", "unicode", "maxLength", "rowVersion", "schema", "nullable", "defaultValue", "defaultValueSql"],
        ["CreateIndex"] = ["name", "table", "column", "schema", "unique", "filter"],
        ["DropIndex"] = ["name", "table", "schema"],
        ["RenameIndex"] = ["name", "newName", "table", "schema"],
        ["AddForeignKey"] = ["name", "table", "column", "principalTable", "schema", "principalSchema", "principalColumn", "onUpdate", "onDelete"],
        ["DropForeignKey"] = ["name", "table", "schema"],
        ["AddPrimaryKey"] = ["name", "table", "column", "schema"],
        ["DropPrimaryKey"] = ["name", "table", "schema"],
        ["AddUniqueConstraint"] = ["name", "table", "column", "schema"],
        ["DropUniqueConstraint"] = ["name", "table", "schema"],
        ["DropTable"] = ["name", "schema"],
        ["EnsureSchema"] = ["name"],
        ["Sql"] = ["sql", "suppressTransaction"],
        ["Column"] = ["type", "unicode", "maxLength", "rowVersion", "name", "nullable", "defaultValue", "defaultValueSql"],
        ["PrimaryKey"] = ["name", "columns"],
        ["UniqueConstraint"] = ["name", "columns"],
        ["ForeignKey"] = ["name", "column", "principalTable", "principalColumn", "principalSchema", "onUpdate", "onDelete"],
    };

    /// <summary>Operations that exist only for data or comments: read, nothing to replay.</summary>
    public static readonly HashSet<string> NoSchemaChange = new(StringComparer.Ordinal)
    {
        "InsertData", "UpdateData", "DeleteData", "AlterDatabase", "AlterTable", "AlterSequence", "CreateSequence",
        "DropSequence", "RestartSequence", "RenameSequence", "DropSchema", "AddCheckConstraint", "DropCheckConstraint",
    };

    public static EfCall Call(InvocationExpressionSyntax invocation, string method) =>
        new(invocation, method, Positional.GetValueOrDefault(method) ?? []);

    public static bool Knows(string method) => Positional.ContainsKey(method) && method is not ("Column" or "PrimaryKey" or "UniqueConstraint" or "ForeignKey");

    /// <summary>The DDL of one call with the C# line of each of its lines, or null when it changes nothing tracked.</summary>
    public EfSql? Write(EfCall call)
    {
        if (call.Method == "CreateTable")
        {
            return CreateTable(call);
        }

        return WriteOneLine(call) is { } sql ? new EfSql(sql, [call.Line]) : null;
    }

    private string? WriteOneLine(EfCall call)
    {
        var table = Table(call, "table");
        var name = call.String("name") ?? "";
        return call.Method switch
        {
            "AddColumn" => $"ALTER TABLE {table} ADD {ColumnKeyword}{Column(name, call)}",
            "DropColumn" => $"ALTER TABLE {table} DROP COLUMN {Q(name)}",
            "RenameColumn" => dialect == SqlDialect.SqlServer
                ? $"EXEC sp_rename N'{call.String("table")}.{name}', N'{call.String("newName")}', N'COLUMN'"
                : $"ALTER TABLE {table} RENAME COLUMN {Q(name)} TO {Q(call.String("newName") ?? "")}",
            "RenameTable" => RenameTable(call),
            "AlterColumn" => AlterColumn(call, table, name),
            "CreateIndex" => CreateIndex(call, table, name),
            "DropIndex" => dialect is SqlDialect.MySql or SqlDialect.SqlServer ? $"DROP INDEX {Q(name)} ON {table}" : $"DROP INDEX {Q(name)}",
            "RenameIndex" => dialect == SqlDialect.MySql
                ? $"ALTER TABLE {table} RENAME INDEX {Q(name)} TO {Q(call.String("newName") ?? "")}"
                : $"ALTER INDEX {Q(name)} RENAME TO {Q(call.String("newName") ?? "")}",
            "AddForeignKey" => $"ALTER TABLE {table} ADD {ForeignKey(call, call.Strings("column", "columns"))}",
            "DropForeignKey" => dialect == SqlDialect.MySql
                ? $"ALTER TABLE {table} DROP FOREIGN KEY {Q(name)}"
                : $"ALTER TABLE {table} DROP CONSTRAINT {Q(name)}",
            "AddPrimaryKey" => $"ALTER TABLE {table} ADD CONSTRAINT {Q(name)} PRIMARY KEY ({Columns(call.Strings("column", "columns"))})",
            "AddUniqueConstraint" => $"ALTER TABLE {table} ADD CONSTRAINT {Q(name)} UNIQUE ({Columns(call.Strings("column", "columns"))})",
            "DropPrimaryKey" => dialect == SqlDialect.MySql
                ? $"ALTER TABLE {table} DROP PRIMARY KEY"
                : $"ALTER TABLE {table} DROP CONSTRAINT {Q(name)}",
            "DropUniqueConstraint" => dialect == SqlDialect.MySql
                ? $"ALTER TABLE {table} DROP INDEX {Q(name)}"
                : $"ALTER TABLE {table} DROP CONSTRAINT {Q(name)}",
            "DropTable" => $"DROP TABLE {Table(call, "name")}",
            "EnsureSchema" => dialect == SqlDialect.SqlServer ? $"CREATE SCHEMA {Q(name)}" : $"CREATE SCHEMA IF NOT EXISTS {Q(name)}",
            _ => null,
        };
    }

    private string ColumnKeyword => dialect == SqlDialect.SqlServer ? "" : "COLUMN ";

    public string Q(string name) => dialect switch
    {
        SqlDialect.MySql => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`",
        SqlDialect.SqlServer => "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]",
        _ => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
    };

    private string Table(EfCall call, string argument)
    {
        var name = call.String(argument) ?? "";
        return call.String("schema") is { } schema ? Q(schema) + "." + Q(name) : Q(name);
    }

    private string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(Q));

    private EfSql CreateTable(EfCall call)
    {
        var columns = new List<string>();
        var lines = new List<int> { call.Line };
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (call.Argument("columns") is LambdaExpressionSyntax { Body: AnonymousObjectCreationExpressionSyntax anonymous })
        {
            foreach (var member in anonymous.Initializers)
            {
                if (member.NameEquals is null || ColumnCall(member.Expression) is not { } column)
                {
                    continue;
                }

                var columnName = column.String("name") ?? member.NameEquals.Name.Identifier.ValueText;
                properties[member.NameEquals.Name.Identifier.ValueText] = columnName;
                columns.Add(Column(columnName, column, Annotations(member.Expression)));
                lines.Add(LineOf(member));
            }
        }

        if (call.Argument("constraints") is LambdaExpressionSyntax { Body: BlockSyntax block })
        {
            foreach (var invocation in block.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var method }
                    || method is not ("PrimaryKey" or "ForeignKey" or "UniqueConstraint"))
                {
                    continue;
                }

                var constraint = Call(invocation, method);
                var names = LambdaColumns(constraint.Argument(method == "ForeignKey" ? "column" : "columns"), properties);
                if (method == "ForeignKey" && names.Count == 0)
                {
                    names = LambdaColumns(constraint.Argument("columns"), properties);
                }

                columns.Add(method switch
                {
                    "PrimaryKey" => $"CONSTRAINT {Q(constraint.String("name") ?? "")} PRIMARY KEY ({Columns(names)})",
                    "UniqueConstraint" => $"CONSTRAINT {Q(constraint.String("name") ?? "")} UNIQUE ({Columns(names)})",
                    _ => ForeignKey(constraint, names),
                });
                lines.Add(LineOf(invocation));
            }
        }

        lines.Add(lines[^1]);
        return new EfSql($"CREATE TABLE {Table(call, "name")} (\n    {string.Join(",\n    ", columns)}\n)", lines);
    }

    private static int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private string ForeignKey(EfCall call, IReadOnlyList<string> columns)
    {
        var principal = call.String("principalTable") ?? "";
        var principalTable = call.String("principalSchema") is { } schema ? Q(schema) + "." + Q(principal) : Q(principal);
        var principalColumns = call.Strings("principalColumn", "principalColumns");
        var builder = new StringBuilder($"CONSTRAINT {Q(call.String("name") ?? "")} FOREIGN KEY ({Columns(columns)}) REFERENCES {principalTable}");
        if (principalColumns.Count > 0)
        {
            builder.Append(" (").Append(Columns(principalColumns)).Append(')');
        }

        if (ReferentialAction(call.Argument("onDelete")) is { } onDelete)
        {
            builder.Append(" ON DELETE ").Append(onDelete);
        }

        return builder.ToString();
    }

    private static string? ReferentialAction(ExpressionSyntax? expression) =>
        expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var action }
            ? action switch
            {
                "Cascade" => "CASCADE",
                "SetNull" => "SET NULL",
                "SetDefault" => "SET DEFAULT",
                "Restrict" => "RESTRICT",
                _ => null,
            }
            : null;

    /// <summary>Columns named by x => x.Id or x => new { x.A, x.B }, mapped from property to column names.</summary>
    private static IReadOnlyList<string> LambdaColumns(ExpressionSyntax? expression, IReadOnlyDictionary<string, string> properties)
    {
        var body = expression is LambdaExpressionSyntax lambda ? lambda.ExpressionBody : null;
        IEnumerable<ExpressionSyntax> members = body switch
        {
            AnonymousObjectCreationExpressionSyntax a => a.Initializers.Select(i => i.Expression),
            null => [],
            _ => [body],
        };
        return [.. members.OfType<MemberAccessExpressionSyntax>().Select(m => properties.GetValueOrDefault(m.Name.Identifier.ValueText) ?? m.Name.Identifier.ValueText)];
    }

    private static EfCall? ColumnCall(ExpressionSyntax expression)
    {
        // table.Column<int>(...).Annotation(...): the Column call is the innermost invocation of the chain.
        foreach (var invocation in expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Column" })
            {
                return Call(invocation, "Column");
            }
        }

        return null;
    }

    private static Dictionary<string, string> Annotations(ExpressionSyntax expression)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var invocation in expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Annotation" }
                && invocation.ArgumentList.Arguments.Count == 2
                && EfCall.Literal(invocation.ArgumentList.Arguments[0].Expression) is { } key)
            {
                result[key] = invocation.ArgumentList.Arguments[1].Expression.ToString();
            }
        }

        return result;
    }

    private string Column(string name, EfCall call, IReadOnlyDictionary<string, string>? annotations = null)
    {
        var builder = new StringBuilder(Q(name)).Append(' ').Append(TypeOf(call));
        var identity = annotations?.Any(a => a.Value.Contains("Identity", StringComparison.Ordinal) || a.Key.EndsWith(":Autoincrement", StringComparison.Ordinal) || a.Key == "SqlServer:Identity") == true;
        if (identity)
        {
            builder.Append(dialect switch
            {
                SqlDialect.PostgreSql => annotations!.Values.Any(v => v.Contains("IdentityAlwaysColumn", StringComparison.Ordinal))
                    ? " GENERATED ALWAYS AS IDENTITY"
                    : " GENERATED BY DEFAULT AS IDENTITY",
                SqlDialect.MySql => " AUTO_INCREMENT",
                SqlDialect.SqlServer => " IDENTITY(1,1)",
                _ => "",
            });
        }

        builder.Append(call.Bool("nullable") == true ? " NULL" : " NOT NULL");
        if (call.String("defaultValueSql") is { } defaultSql)
        {
            builder.Append(" DEFAULT ").Append(defaultSql);
        }
        else if (call.Argument("defaultValue") is { } value && DefaultLiteral(value) is { } literal)
        {
            builder.Append(" DEFAULT ").Append(literal);
        }

        if (identity && dialect == SqlDialect.Sqlite)
        {
            builder.Append(" PRIMARY KEY AUTOINCREMENT");
        }

        return builder.ToString();
    }

    private string? DefaultLiteral(ExpressionSyntax value) => value switch
    {
        LiteralExpressionSyntax l when l.IsKind(SyntaxKind.NullLiteralExpression) => null,
        LiteralExpressionSyntax l when l.IsKind(SyntaxKind.StringLiteralExpression) => "'" + l.Token.ValueText.Replace("'", "''", StringComparison.Ordinal) + "'",
        LiteralExpressionSyntax l when l.IsKind(SyntaxKind.TrueLiteralExpression) => dialect == SqlDialect.PostgreSql ? "true" : "1",
        LiteralExpressionSyntax l when l.IsKind(SyntaxKind.FalseLiteralExpression) => dialect == SqlDialect.PostgreSql ? "false" : "0",
        LiteralExpressionSyntax l when l.IsKind(SyntaxKind.NumericLiteralExpression) => l.Token.ValueText,
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax n } p when p.IsKind(SyntaxKind.UnaryMinusExpression) => "-" + n.Token.ValueText,
        CastExpressionSyntax c => DefaultLiteral(c.Expression),
        _ => "'" + value.ToString().Replace("'", "''", StringComparison.Ordinal) + "'",
    };

    private string? AlterColumn(EfCall call, string table, string name)
    {
        var type = TypeOf(call);
        var oldType = call.String("oldType");
        var nullable = call.Bool("nullable") == true;
        var oldNullable = call.Bool("oldNullable") == true;
        switch (dialect)
        {
            case SqlDialect.MySql:
                return $"ALTER TABLE {table} MODIFY COLUMN {Column(name, call)}";
            case SqlDialect.SqlServer:
                return $"ALTER TABLE {table} ALTER COLUMN {Q(name)} {type}{(nullable ? " NULL" : " NOT NULL")}";
        }

        var actions = new List<string>();
        if (oldType is null || !string.Equals(oldType, type, StringComparison.OrdinalIgnoreCase))
        {
            actions.Add($"ALTER COLUMN {Q(name)} TYPE {type}");
        }

        if (nullable != oldNullable)
        {
            actions.Add($"ALTER COLUMN {Q(name)} {(nullable ? "DROP" : "SET")} NOT NULL");
        }

        if (call.String("defaultValueSql") is { } defaultSql && defaultSql != call.String("oldDefaultValueSql"))
        {
            actions.Add($"ALTER COLUMN {Q(name)} SET DEFAULT {defaultSql}");
        }

        return actions.Count == 0 ? null : $"ALTER TABLE {table} {string.Join(", ", actions)}";
    }

    private string CreateIndex(EfCall call, string table, string name)
    {
        var columns = call.Strings("column", "columns");
        var concurrently = dialect == SqlDialect.PostgreSql && call.Invocation.Parent is MemberAccessExpressionSyntax
            && call.Invocation.Parent.Parent is InvocationExpressionSyntax annotation
            && annotation.ToString().Contains("Npgsql:CreatedConcurrently", StringComparison.Ordinal);
        var sql = new StringBuilder("CREATE ");
        if (call.Bool("unique") == true)
        {
            sql.Append("UNIQUE ");
        }

        sql.Append("INDEX ");
        if (concurrently)
        {
            sql.Append("CONCURRENTLY ");
        }

        sql.Append(Q(name)).Append(" ON ").Append(table).Append(" (").Append(Columns(columns)).Append(')');
        if (call.String("filter") is { } filter)
        {
            sql.Append(" WHERE ").Append(filter);
        }

        return sql.ToString();
    }

    private string RenameTable(EfCall call)
    {
        var from = Table(call, "name");
        var newName = call.String("newName") ?? call.String("name") ?? "";
        var to = call.String("newSchema") is { } schema ? Q(schema) + "." + Q(newName) : Q(newName);
        return dialect switch
        {
            SqlDialect.MySql => $"RENAME TABLE {from} TO {to}",
            SqlDialect.SqlServer => $"EXEC sp_rename N'{call.String("name")}', N'{newName}'",
            _ => $"ALTER TABLE {from} RENAME TO {Q(newName)}",
        };
    }

    /// <summary>The store type: the type argument written, else the provider's default for the CLR type.</summary>
    private string TypeOf(EfCall call)
    {
        if (call.String("type") is { } type)
        {
            return type;
        }

        var clr = (call.TypeArgument ?? "string").TrimEnd('?');
        var maxLength = call.Argument("maxLength")?.ToString();
        return (dialect, clr) switch
        {
            (_, "int" or "Int32") => dialect == SqlDialect.Sqlite ? "INTEGER" : dialect == SqlDialect.PostgreSql ? "integer" : "int",
            (_, "long" or "Int64") => dialect == SqlDialect.Sqlite ? "INTEGER" : "bigint",
            (_, "short" or "Int16") => dialect == SqlDialect.Sqlite ? "INTEGER" : "smallint",
            (_, "bool" or "Boolean") => dialect switch { SqlDialect.PostgreSql => "boolean", SqlDialect.SqlServer => "bit", SqlDialect.MySql => "tinyint(1)", _ => "INTEGER" },
            (_, "Guid") => dialect switch { SqlDialect.PostgreSql => "uuid", SqlDialect.SqlServer => "uniqueidentifier", SqlDialect.MySql => "char(36)", _ => "TEXT" },
            (_, "DateTime") => dialect switch { SqlDialect.PostgreSql => "timestamp with time zone", SqlDialect.SqlServer => "datetime2", SqlDialect.MySql => "datetime(6)", _ => "TEXT" },
            (SqlDialect.PostgreSql, "string") => maxLength is null ? "text" : $"character varying({maxLength})",
            (SqlDialect.SqlServer, "string") => $"nvarchar({maxLength ?? "max"})",
            (SqlDialect.MySql, "string") => maxLength is null ? "longtext" : $"varchar({maxLength})",
            _ => dialect == SqlDialect.Sqlite ? "TEXT" : clr.ToLowerInvariant(),
        };
    }
}
