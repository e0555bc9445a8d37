using BackendArchitect.Findings;
using BackendArchitect.Sql;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH011: a MySQL VARCHAR/VARBINARY column without the length MySQL requires.</summary>
public sealed class VarcharWithoutLength : ISchemaRule
{
    public RuleMetadata Metadata { get; } = new(
        "SCH011",
        "varchar-without-length",
        "schema",
        Severity.Error,
        "A MySQL VARCHAR, NVARCHAR or VARBINARY column has no length.",
        "MySQL requires a maximum length for VARCHAR and VARBINARY: without one the CREATE or ALTER statement fails with a "
            + "syntax error, so the migration breaks when it runs (scripts written for PostgreSQL, where varchar without a length "
            + "is unlimited, often carry it over). Pick a real maximum, keeping in mind that the length counts characters and that "
            + "the row size limit (65,535 bytes) is shared by all columns; use TEXT for unbounded text.",
        "CREATE TABLE customers (\n    id BIGINT PRIMARY KEY,\n    email VARCHAR NOT NULL\n);",
        "CREATE TABLE customers (\n    id BIGINT PRIMARY KEY,\n    email VARCHAR(320) NOT NULL\n);",
        [
            "https://dev.mysql.com/doc/refman/8.0/en/char.html",
            "https://dev.mysql.com/doc/refman/8.0/en/string-type-syntax.html",
            "https://dev.mysql.com/doc/refman/8.0/en/column-count-limit.html",
        ],
        ["mysql"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.MySql),
    };

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        foreach (var table in context.Schema.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                var first = column.Type.Split(' ')[0].ToLowerInvariant();
                if (first is "varchar" or "nvarchar" or "varbinary" || column.Type.Equals("national varchar", StringComparison.OrdinalIgnoreCase))
                {
                    yield return SchemaFindings.At(
                        Metadata,
                        context,
                        column.TypeOrigin,
                        $"Column {SchemaFindings.ColumnName(table, column)} is {column.Type} without a length; MySQL rejects it.",
                        "Give it a length, e.g. VARCHAR(255), or use TEXT.");
                }
            }
        }
    }
}
