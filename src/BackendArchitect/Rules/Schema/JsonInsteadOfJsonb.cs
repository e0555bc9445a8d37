using BackendArchitect.Findings;
using BackendArchitect.Sql;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH007: a PostgreSQL json column where jsonb serves better.</summary>
public sealed class JsonInsteadOfJsonb : ISchemaRule
{
    public RuleMetadata Metadata { get; } = new(
        "SCH007",
        "json-instead-of-jsonb",
        "schema",
        Severity.Note,
        "A PostgreSQL column uses json instead of jsonb.",
        "json keeps the input text verbatim and re-parses it on every access; it has no equality operator, so it cannot be "
            + "used in DISTINCT, GROUP BY, UNIQUE or comparisons, and it cannot be indexed with GIN. jsonb stores a parsed binary "
            + "form: faster to query, indexable, with containment and existence operators. Keep json only when the exact text, "
            + "key order or duplicate keys must be preserved.",
        "CREATE TABLE webhooks (\n    id bigint PRIMARY KEY,\n    payload json NOT NULL\n);",
        "CREATE TABLE webhooks (\n    id bigint PRIMARY KEY,\n    payload jsonb NOT NULL\n);",
        [
            "https://www.postgresql.org/docs/current/datatype-json.html",
            "https://www.postgresql.org/docs/current/datatype-json.html#JSON-INDEXING",
        ],
        ["postgres"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.PostgreSql),
    };

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        foreach (var table in context.Schema.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (column.Type is "json" or "json[]" or "pg_catalog.json")
                {
                    yield return SchemaFindings.At(
                        Metadata,
                        context,
                        column.TypeOrigin,
                        $"Column {SchemaFindings.ColumnName(table, column)} is json; jsonb is indexable and faster to query.",
                        "Use jsonb unless the exact input text must be kept.");
                }
            }
        }
    }
}
