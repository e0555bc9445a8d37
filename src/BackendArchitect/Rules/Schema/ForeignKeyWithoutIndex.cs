using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH002: a foreign key whose columns no index, primary key or unique constraint leads with.</summary>
public sealed class ForeignKeyWithoutIndex : ISchemaRule
{
    public RuleMetadata Metadata { get; } = new(
        "SCH002",
        "foreign-key-without-index",
        "schema",
        Severity.Warning,
        "A foreign key's columns are not the leading columns of any index.",
        "PostgreSQL and SQLite index the referenced (parent) side of a foreign key but not the referencing (child) side. "
            + "Every DELETE or key UPDATE on the parent then scans the whole child table to check or cascade the reference, "
            + "usually while holding locks, and joins from parent to children cannot use an index. An index helps only when the "
            + "foreign key columns are its leading columns: an index on (b, a) does not serve a foreign key on (a). "
            + "Partial and expression indexes are not counted. MySQL's InnoDB creates such an index itself, so the rule skips MySQL.",
        "CREATE TABLE order_lines (\n    id bigint PRIMARY KEY,\n    order_id bigint NOT NULL REFERENCES orders (id)\n);",
        "CREATE TABLE order_lines (\n    id bigint PRIMARY KEY,\n    order_id bigint NOT NULL REFERENCES orders (id)\n);\nCREATE INDEX order_lines_order_id_idx ON order_lines (order_id);",
        [
            "https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-FK",
            "https://www.postgresql.org/docs/current/indexes-multicolumn.html",
            "https://www.sqlite.org/foreignkeys.html#fk_indexes",
        ],
        ["postgres", "sqlite"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.PostgreSql, SqlDialect.Sqlite),
    };

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        var comparer = new SchemaNaming(context.Dialect).ColumnComparer;
        foreach (var table in context.Schema.Tables.Values)
        {
            var keys = IndexKey.Of(table);
            foreach (var foreignKey in table.ForeignKeys)
            {
                if (foreignKey.Columns.Length == 0 || keys.Any(k => Covers(k, foreignKey, comparer)))
                {
                    continue;
                }

                var columns = string.Join(", ", foreignKey.Columns);
                yield return SchemaFindings.At(
                    Metadata,
                    context,
                    foreignKey.Origin,
                    $"Foreign key {foreignKey.Name} on {SchemaFindings.TableName(table)} ({columns}) has no index leading with its columns.",
                    $"CREATE INDEX {IdentifierWords.BareTable(table.Name)}_{string.Join("_", foreignKey.Columns)}_idx ON {table.Name} ({columns});");
            }
        }
    }

    /// <summary>The key's first n elements are exactly the n foreign key columns, in any order among themselves.</summary>
    private static bool Covers(IndexKey key, ForeignKey foreignKey, StringComparer comparer)
    {
        if (key.Where is not null || key.Method is not (null or "hash") || key.Columns.Length < foreignKey.Columns.Length)
        {
            return false;
        }

        if (key.Method == "hash" && foreignKey.Columns.Length != 1)
        {
            return false;
        }

        var leading = key.Columns.Take(foreignKey.Columns.Length).Select(IndexKey.ColumnOf).ToHashSet(comparer);
        return foreignKey.Columns.All(leading.Contains);
    }
}
