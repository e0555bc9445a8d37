using System.Text;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH013: an identifier longer than the dialect allows, or spelled like a reserved word.</summary>
public sealed class IdentifierProblem : ISchemaRule
{
    public RuleMetadata Metadata { get; } = new(
        "SCH013",
        "identifier-too-long-or-reserved",
        "schema",
        Severity.Warning,
        "A table, column, index or constraint name is over the dialect's length limit, or a table or column is named like a reserved word.",
        "PostgreSQL truncates identifiers longer than 63 bytes with only a notice, so two long names can silently become the same "
            + "name and later statements address the wrong object; MySQL rejects names over 64 characters. A table or column "
            + "named like a reserved word (user, order, group, table...) must be quoted in every query, migration, ORM mapping and "
            + "ad-hoc session, and an unquoted use fails or, worse, means something else (SELECT user returns the current role in "
            + "PostgreSQL). Quoting the name in the DDL does not help the queries that follow. The reserved lists are per dialect "
            + "(user is reserved in PostgreSQL, not in MySQL); generated constraint and index names are not checked for length.",
        "CREATE TABLE \"user\" (\n    id bigint PRIMARY KEY,\n    \"order\" integer NOT NULL\n);",
        "CREATE TABLE app_users (\n    id bigint PRIMARY KEY,\n    sort_order integer NOT NULL\n);",
        [
            "https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS",
            "https://www.postgresql.org/docs/current/sql-keywords-appendix.html",
            "https://dev.mysql.com/doc/refman/8.0/en/identifier-length.html",
            "https://dev.mysql.com/doc/refman/8.0/en/keywords.html",
            "https://www.sqlite.org/lang_keywords.html",
        ],
        []);

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        foreach (var table in context.Schema.Tables.Values)
        {
            var bare = table.Name[(table.Name.LastIndexOf('.') + 1)..];
            foreach (var finding in CheckName(context, "Table", SchemaFindings.TableName(table), bare, table.Origin, reservedMatters: true))
            {
                yield return finding;
            }

            foreach (var column in table.Columns)
            {
                foreach (var finding in CheckName(context, "Column", SchemaFindings.ColumnName(table, column), column.Name, column.Origin, reservedMatters: true))
                {
                    yield return finding;
                }
            }

            var named = table.Indexes.Select(i => ("Index", i.Name, i.Origin, Generated(bare, i.Columns.Select(c => IndexKey.ColumnOf(c).Contains('(') ? "expr" : IndexKey.ColumnOf(c)), "idx")))
                .Concat(table.ForeignKeys.Select(f => ("Foreign key", f.Name, f.Origin, Generated(bare, f.Columns, "fkey"))))
                .Concat(table.Uniques.Select(u => ("Unique constraint", u.Name, u.Origin, Generated(bare, u.Columns, "key"))));
            foreach (var (kind, name, origin, generated) in named)
            {
                if (name is null || string.Equals(name, generated, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var finding in CheckName(context, kind, name, name, origin, reservedMatters: false))
                {
                    yield return finding;
                }
            }
        }
    }

    private IEnumerable<Finding> CheckName(SchemaLintContext context, string kind, string display, string name, SourceLocation? origin, bool reservedMatters)
    {
        var (limit, size, unit, product) = context.Dialect switch
        {
            SqlDialect.PostgreSql => (63, Encoding.UTF8.GetByteCount(name), "bytes", "PostgreSQL"),
            SqlDialect.MySql => (64, name.Length, "characters", "MySQL"),
            _ => (int.MaxValue, 0, "", ""),
        };
        if (size > limit)
        {
            yield return SchemaFindings.At(
                Metadata,
                context,
                origin,
                $"{kind} name {display} is {size} {unit}; {product} allows {limit}.",
                context.Dialect == SqlDialect.PostgreSql ? "Shorten the name; PostgreSQL would silently truncate it." : "Shorten the name.");
        }

        if (reservedMatters && ReservedWords.IsReserved(name, context.Dialect))
        {
            yield return SchemaFindings.At(
                Metadata,
                context,
                origin,
                $"{kind} {display} is named like the reserved word {name.ToUpperInvariant()}; every query must quote it.",
                "Rename it to a name that is not a key word (e.g. app_users, sort_order).");
        }
    }

    /// <summary>The name the database generates when none is given (table_col_idx, table_col_fkey); it shortens those itself.</summary>
    private static string Generated(string table, IEnumerable<string> columns, string suffix) =>
        string.Join("_", [table, .. columns, suffix]);
}
