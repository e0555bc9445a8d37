using BackendArchitect.Findings;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH001: a table without a primary key.</summary>
public sealed class TableWithoutPrimaryKey : ISchemaRule
{
    public RuleMetadata Metadata { get; } = new(
        "SCH001",
        "table-without-primary-key",
        "schema",
        Severity.Warning,
        "A table has no primary key.",
        "Without a primary key nothing identifies a row: duplicates creep in, updates and deletes from an ORM or an admin tool "
            + "cannot target one row, logical replication in PostgreSQL cannot replicate UPDATE and DELETE without a replica identity, "
            + "and MySQL's InnoDB silently clusters the table on a hidden 6-byte row id that no query can use. "
            + "Every table that stores entities or facts should declare the column (or columns) that identify a row.",
        "CREATE TABLE audit_entries (\n    occurred_at timestamptz NOT NULL,\n    actor text NOT NULL\n);",
        "CREATE TABLE audit_entries (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    occurred_at timestamptz NOT NULL,\n    actor text NOT NULL\n);",
        [
            "https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-PRIMARY-KEYS",
            "https://www.postgresql.org/docs/current/logical-replication-publication.html",
            "https://dev.mysql.com/doc/refman/8.0/en/innodb-index-types.html",
            "https://www.sqlite.org/lang_createtable.html#the_primary_key",
        ],
        []);

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        foreach (var table in context.Schema.Tables.Values)
        {
            if (table.PrimaryKey is null && table.Columns.Length > 0)
            {
                yield return SchemaFindings.At(
                    Metadata,
                    context,
                    table.Origin,
                    $"Table {SchemaFindings.TableName(table)} has no primary key.",
                    "Add a primary key: an identity/auto-increment id column, or the natural key columns.");
            }
        }
    }
}
